package org.duban.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.error.ErrorCode;
import org.duban.platform.web.ProblemWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/** 401 and 403 as problem details with {@code code}, like every other error. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"duban\"");
        ProblemWriter.write(response, ErrorCode.UNAUTHENTICATED, "Sign in first: this endpoint needs credentials.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            ProblemWriter.write(response, ErrorCode.FORBIDDEN,
                    "The page's security token is missing or stale: reload the page and try again.");
            return;
        }
        ProblemWriter.write(response, ErrorCode.FORBIDDEN, "Your role may not do this.");
    }
}
