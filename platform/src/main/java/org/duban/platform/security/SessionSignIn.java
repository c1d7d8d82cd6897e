package org.duban.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The API chains' security context: the web pages' sign-in session (form login, cookie), read
 * but never created or written, so a page's own {@code fetch} calls work while the API stays
 * stateless. A request with an {@code Authorization} header is authenticated by that header
 * alone, whatever cookie it carries. Because this repository reports the session's user as
 * already known, Spring does not treat each API request as a fresh sign-in (which would rotate
 * the session id and the CSRF token under the page's feet).
 * Requests riding on the cookie must carry the session's CSRF token ({@link #needsCsrfToken});
 * API clients sending credentials need none, because a browser never adds that header on its own.
 */
public class SessionSignIn implements SecurityContextRepository {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> load = () -> {
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(sessionAuthentication(request));
            return context;
        };
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) loaded = load.get();
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holderOfRequest) {
        return loadDeferredContext(holderOfRequest.getRequest()).get();
    }

    /** Nothing is saved: API requests never start or change a session. */
    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessionAuthentication(request) != null;
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
