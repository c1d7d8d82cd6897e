package org.duban.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Lets the API chains accept the web pages' sign-in session (form login, cookie) next to HTTP
 * Basic, so a page's own {@code fetch} calls work. The API chains stay stateless: this filter
 * only reads a session the pages created, never creates or writes one, and a request with an
 * {@code Authorization} header is authenticated by that header alone. Requests riding on the
 * cookie must carry the session's CSRF token ({@link #needsCsrfToken}); API clients sending
 * credentials need none, because a browser never adds an Authorization header on its own.
 */
public class SessionSignIn extends OncePerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = sessionAuthentication(request);
        Authentication current = holder.getContext().getAuthentication();
        if (signedIn != null && current == null) {
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(signedIn);
            holder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** The CSRF rule of the API chains: unsafe requests authenticated by the session cookie only. */
    public static boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && sessionAuthentication(request) != null;
    }

    private static Authentication sessionAuthentication(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) return null;
        HttpSession session = request.getSession(false);
        if (session == null) return null;
        Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(stored instanceof SecurityContext context)) return null;
        Authentication auth = context.getAuthentication();
        return auth != null && auth.isAuthenticated() ? auth : null;
    }
}
