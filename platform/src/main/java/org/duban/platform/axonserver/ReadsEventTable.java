package org.duban.platform.axonserver;

import org.duban.api.actor.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose answers are computed from PostgreSQL's event table
 * ({@code domain_event_entry}) by SQL. Under profile {@code axonserver} that table stays empty
 * (the events live in Axon Server), so the answers would be silently wrong; {@link EventTableGuard}
 * refuses them instead with 501 {@code NOT_AVAILABLE_WITH_AXON_SERVER}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadsEventTable {
    /** Who may use the feature; anyone else is let through to the controller's own 403. */
    Role[] roles() default {Role.AUDITOR, Role.ADMIN};
}
