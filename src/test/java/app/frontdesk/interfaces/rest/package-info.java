/** Tests of the API's HTTP edge outside a container. */
package app.frontdesk.interfaces.rest;
