/** Account administration: create and update accounts, and import many at once, all or nothing. */
package app.frontdesk.application.accounts;
