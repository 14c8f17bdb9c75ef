/** Tests of the whole code base: the architecture rules that keep the packages apart. */
package app.frontdesk;
