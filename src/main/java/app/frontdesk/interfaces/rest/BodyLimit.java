package app.frontdesk.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint reads; larger ones are answered 413 before or while they are
 * read, never buffered whole. Endpoints without it take {@link RequestBodyLimit#DEFAULT_BYTES}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /** No limit here: the endpoint enforces its own (intake: FRONTDESK_MAX_MESSAGE_BYTES). */
    long OWN = -1;

    long bytes();
}
