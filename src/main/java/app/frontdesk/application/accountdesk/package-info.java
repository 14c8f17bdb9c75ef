/** What staff see of an account and do with it in the console, narrowed to who they are: contacts, billing, care. */
package app.frontdesk.application.accountdesk;
