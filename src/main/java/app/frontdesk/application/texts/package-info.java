/** Texts that people read: Mustache templates in server-config/templates, Russian and English, checked for their required parts at start-up. */
package app.frontdesk.application.texts;
