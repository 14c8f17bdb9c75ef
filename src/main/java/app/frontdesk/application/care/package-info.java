/** The rule of three: bad experiences per account, the red flag at two, the head of support at three, and only a person clears it. */
package app.frontdesk.application.care;
