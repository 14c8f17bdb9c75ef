/** Settings from MicroProfile Config (environment variables FRONTDESK_*), checked once at start-up. */
package app.frontdesk.infrastructure.config;
