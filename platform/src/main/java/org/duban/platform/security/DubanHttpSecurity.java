package org.duban.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * What every API filter chain shares: stateless HTTP Basic (JWT comes with the production
 * identity provider), the web pages' sign-in session accepted too ({@link SessionSignIn}), and
 * 401/403 answered as problem details with a stable code, never a redirect to the login page.
 * CSRF tokens are required only from requests that the session cookie authenticates.
 */
public final class DubanHttpSecurity {

    private DubanHttpSecurity() {
    }

    public static HttpSecurity apiDefaults(HttpSecurity http, ProblemSecurityHandlers handlers) throws Exception {
        return http
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SessionSignIn::needsCsrfToken))
                // The request attribute keeps a Basic-authenticated user across async and error
                // dispatches of the same request (streamed exports); the session is the pages' sign-in.
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new SessionSignIn())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
    }
}
