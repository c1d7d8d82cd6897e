package org.duban.platform.axonserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Under profile {@code axonserver}: refuses requests to {@link ReadsEventTable} controllers with
 * 501 problem+json (code {@code NOT_AVAILABLE_WITH_AXON_SERVER}) through the usual error advice.
 * It runs after Spring Security, so who may not ask still gets 401/403 first.
 */
class EventTableGuard implements HandlerInterceptor {
    static final String MESSAGE = "This feature reads the events from PostgreSQL's event table; under profile "
            + "axonserver the events are stored in Axon Server, so it is not available.";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ReadsEventTable.class)) {
            throw new DomainRefusal(ErrorCode.NOT_AVAILABLE_WITH_AXON_SERVER, MESSAGE);
        }
        return true;
    }
}
