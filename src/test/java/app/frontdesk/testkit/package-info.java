/** The test kit: message builders, real test databases, the gateway wired without HTTP, and the packaged gateway as a process. */
package app.frontdesk.testkit;
