package org.duban.platform.axonserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.platform.security.CurrentActor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/**
 * Under profile {@code axonserver}: refuses requests to {@link ReadsEventTable} controllers with
 * 501 problem+json (code {@code NOT_AVAILABLE_WITH_AXON_SERVER}) through the usual error advice.
 * It runs after Spring Security; callers outside the feature's roles pass on to the controller,
 * whose own check answers them 403 as in every other mode.
 */
class EventTableGuard implements HandlerInterceptor {
    static final String MESSAGE = "This feature reads the events from PostgreSQL's event table; under profile "
            + "axonserver the events are stored in Axon Server, so it is not available.";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) return true;
        ReadsEventTable feature = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsEventTable.class);
        if (feature == null) return true;
        Role role = CurrentActor.get().map(Actor::role).orElse(null);
        if (role != null && Arrays.asList(feature.roles()).contains(role)) {
            throw new DomainRefusal(ErrorCode.NOT_AVAILABLE_WITH_AXON_SERVER, MESSAGE);
        }
        return true;
    }
}
