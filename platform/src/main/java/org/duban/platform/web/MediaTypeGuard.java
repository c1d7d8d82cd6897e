package org.duban.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;

/**
 * Checks an API write's media types before its handler runs, not after. Spring notices an
 * Accept it cannot answer (text/csv, application/pdf) only when writing the answer, by which
 * time the command has been carried out and its event appended, so the client was told "refused"
 * about a change that happened. And a wildcard Content-Type (*&#47;*) made Spring throw a bare
 * IllegalArgumentException while reading the body: a 500 for bad input. Both are refused here
 * with the usual 415 problem (ProblemDetailsAdvice), before anything changes.
 */
public class MediaTypeGuard implements HandlerInterceptor {
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        String method = request.getMethod();
        if (!(handler instanceof HandlerMethod) || "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        checkContentType(request.getContentType());
        checkAccept(request.getHeader("Accept"));
        return true;
    }

    private static void checkContentType(String header) throws HttpMediaTypeNotSupportedException {
        if (header == null || header.isBlank()) return;
        try {
            MediaType type = MediaType.parseMediaType(header);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException("a wildcard is no content type: " + header);
            }
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("not a content type: " + e.getMessage());
        }
    }

    private static void checkAccept(String header) throws HttpMediaTypeNotAcceptableException {
        if (header == null || header.isBlank()) return;
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(header);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("not an Accept header: " + e.getMessage());
        }
        boolean answerable = accepted.stream().anyMatch(a -> a.getQualityValue() > 0 && ANSWERS.stream().anyMatch(a::isCompatibleWith));
        if (!answerable) throw new HttpMediaTypeNotAcceptableException(ANSWERS);
    }
}
