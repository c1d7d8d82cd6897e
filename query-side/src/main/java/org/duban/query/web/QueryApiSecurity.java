package org.duban.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.platform.security.DubanHttpSecurity;
import org.duban.platform.security.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reads under /api need a signed-in user; which issues a user sees is decided by
 * {@link ReadAccess}. Writes belong to the command side's chain, except the notification ones
 * below; notification and projection administration is for ADMIN.
 */
@Configuration(proxyBeanMethods = false)
public class QueryApiSecurity {

    @Bean
    @Order(20)
    SecurityFilterChain queryApi(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        return DubanHttpSecurity.apiDefaults(http, handlers)
                .securityMatcher(QueryApiSecurity::isQueryRequest)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/notifications/**", "/api/admin/projections/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .build();
    }

    static boolean isQueryRequest(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Marking a notification read and retrying a dead letter change only the query side's own
        // notification tables, never domain state, and so does replaying a projection (read models
        // only), so these POSTs are served here, not sent as commands (CommandApiSecurity.isCommandRequest
        // leaves them out; docker/nginx.conf routes them).
        boolean queryWrite = "POST".equals(method)
                && (path.startsWith("/api/notifications/") || path.startsWith("/api/admin/notifications/")
                    || path.startsWith("/api/admin/projections/"));
        return path.startsWith("/api/") && ("GET".equals(method) || "HEAD".equals(method) || queryWrite);
    }
}
