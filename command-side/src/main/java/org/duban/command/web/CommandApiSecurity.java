package org.duban.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.platform.security.DubanHttpSecurity;
import org.duban.platform.security.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may send which command: the one place on the command side where roles are checked
 * (API.md's "who" column). Department scoping (only the owner department) is a rule of the
 * aggregate, because it depends on the state. The chain covers every non-read request
 * under /api; reads belong to the query side.
 */
@Configuration(proxyBeanMethods = false)
public class CommandApiSecurity {
    private static final String INSPECTOR = "INSPECTOR";
    private static final String COMMITTEE = "COMMITTEE";
    private static final String DEPARTMENT = "DEPARTMENT";
    private static final String ADMIN = "ADMIN";

    @Bean
    @Order(10)
    SecurityFilterChain commandApi(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        return DubanHttpSecurity.apiDefaults(http, handlers)
                .securityMatcher(CommandApiSecurity::isCommandRequest)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(POST, "/api/issues").hasAnyRole(INSPECTOR, COMMITTEE)
                        .requestMatchers(POST, "/api/issues/*/assignment", "/api/issues/*/co-departments",
                                "/api/issues/*/merge", "/api/issues/*/hold", "/api/issues/*/resume",
                                "/api/issues/*/withdrawal", "/api/issues/*/verification",
                                "/api/issues/*/effectiveness-checks", "/api/issues/*/feedback").hasRole(INSPECTOR)
                        .requestMatchers(POST, "/api/issues/*/reviews", "/api/issues/*/assessments").hasRole(COMMITTEE)
                        .requestMatchers(POST, "/api/bulletins", "/api/bulletins/*/entries", "/api/bulletins/*/publication")
                                .hasRole(COMMITTEE)
                        .requestMatchers(POST, "/api/governance-projects").hasAnyRole(DEPARTMENT, COMMITTEE)
                        .requestMatchers(POST, "/api/governance-projects/*/stage-reports").hasRole(DEPARTMENT)
                        .requestMatchers(POST, "/api/governance-projects/*/reviews", "/api/governance-projects/*/approval",
                                "/api/governance-projects/*/evaluation", "/api/governance-projects/*/conclusion")
                                .hasRole(COMMITTEE)
                        .requestMatchers(POST, "/api/inspection-rounds", "/api/inspection-rounds/*/findings")
                                .hasAnyRole(INSPECTOR, COMMITTEE)
                        .requestMatchers(POST, "/api/issues/*/extension-decisions", "/api/issues/*/escalations")
                                .hasAnyRole(INSPECTOR, COMMITTEE)
                        .requestMatchers(POST, "/api/issues/*/acknowledgement", "/api/issues/*/progress-reports",
                                "/api/issues/*/extension-requests", "/api/issues/*/rectification",
                                "/api/issues/*/return", "/api/issues/*/plan").hasRole(DEPARTMENT)
                        .requestMatchers(PUT, "/api/calendar/days/*", "/api/deadline-policies").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/subjects/*/erasure").hasRole(ADMIN)
                        .requestMatchers(PUT, "/api/ranking-weights").hasAnyRole(ADMIN, COMMITTEE)
                        .anyRequest().denyAll())
                .build();
    }

    static boolean isCommandRequest(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // POSTs that only mark notifications read, retry their delivery or replay a projection
        // touch the query side's own tables, not domain state: the query side serves them
        // (QueryApiSecurity.isQueryRequest).
        boolean queryWrite = "POST".equals(method)
                && (path.startsWith("/api/notifications/") || path.startsWith("/api/admin/notifications/")
                    || path.startsWith("/api/admin/projections/"));
        return path.startsWith("/api/") && !queryWrite
                && !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }
}
