/** Tests of the LMTP listener over raw sockets. */
package app.frontdesk.interfaces.lmtp;
