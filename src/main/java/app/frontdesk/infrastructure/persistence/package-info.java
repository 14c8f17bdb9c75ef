/** JPA (EclipseLink) repositories and the database bootstrap with Flyway migrations, for H2 and PostgreSQL. */
package app.frontdesk.infrastructure.persistence;
