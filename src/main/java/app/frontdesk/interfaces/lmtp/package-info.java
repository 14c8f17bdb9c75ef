/** The LMTP listener (RFC 2033): the mail server delivers here, one reply per recipient, through the same intake as HTTP. */
package app.frontdesk.interfaces.lmtp;
