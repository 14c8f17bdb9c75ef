/** Staff sign-in: password hashes, throttling of guesses, the first administrator, and user management. */
package app.frontdesk.application.staff;
