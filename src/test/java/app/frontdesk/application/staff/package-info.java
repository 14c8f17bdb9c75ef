/** Tests of staff sign-in and of what each staff member may see and do. */
package app.frontdesk.application.staff;
