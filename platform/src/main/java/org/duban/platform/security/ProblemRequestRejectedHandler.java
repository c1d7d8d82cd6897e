package org.duban.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.error.ErrorCode;
import org.duban.platform.web.ProblemWriter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * Requests Spring Security's firewall refuses (an encoded '%', ';', '/' or NUL, "..", a
 * parameter name that is no text) are 400 problems with a stable code under /api, like every
 * other bad input; by default they were 400s with Spring Boot's own error body. Pages keep the
 * default (the container's error page).
 */
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {
    private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        String path = request.getRequestURI();
        if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
            ProblemWriter.write(response, ErrorCode.MALFORMED_REQUEST, 
                    "The request's address has what this API refuses: an encoded '/', '%' or NUL, a ';', '..', or a malformed parameter.");
            return;
        }
        try {
            pages.handle(request, response, e);
        } catch (jakarta.servlet.ServletException unexpected) {
            throw new IOException(unexpected);
        }
    }
}
