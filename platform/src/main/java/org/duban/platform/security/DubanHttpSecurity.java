package org.duban.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every API filter chain shares: stateless HTTP Basic (JWT comes with the production
 * identity provider), and 401/403 answered as problem details with a stable code. CSRF is off
 * because no API request is authenticated by a cookie.
 */
public final class DubanHttpSecurity {

    private DubanHttpSecurity() {
    }

    public static HttpSecurity apiDefaults(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
    }
}
