package org.duban.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The web pages sign in with a form and keep a session cookie (the API chains stay HTTP Basic
 * and read that session too, see platform's SessionSignIn). A page asked for without signing in
 * redirects to {@code /login}; API requests never do, they answer 401. CSRF protection is on
 * for every page form, including logout.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurity {

    @Bean
    @Order(30)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PageSecurity::isPageRequest)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/fonts/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }

    /** Everything that is not the API, the actuator or the OpenAPI documents. */
    static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui"));
    }
}
