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
 * {@link ReadAccess}. Writes belong to the command side's chain.
 */
@Configuration(proxyBeanMethods = false)
public class QueryApiSecurity {

    @Bean
    @Order(20)
    SecurityFilterChain queryApi(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        return DubanHttpSecurity.apiDefaults(http, handlers)
                .securityMatcher(QueryApiSecurity::isQueryRequest)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .build();
    }

    static boolean isQueryRequest(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && ("GET".equals(method) || "HEAD".equals(method));
    }
}
