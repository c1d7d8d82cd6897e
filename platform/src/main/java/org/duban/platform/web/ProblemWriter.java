package org.duban.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.error.ErrorCode;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a problem response where no controller runs: servlet filters and security handlers. */
public final class ProblemWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, ErrorCode code, String detail) throws IOException {
        write(response, code, detail, Map.of());
    }

    public static void write(HttpServletResponse response, ErrorCode code, String detail, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create("urn:duban:problem:" + code.name().toLowerCase().replace('_', '-')).toString());
        body.put("title", org.springframework.http.HttpStatus.valueOf(code.httpStatus()).getReasonPhrase());
        body.put("status", code.httpStatus());
        body.put("detail", detail);
        body.put("code", code.name());
        body.putAll(extra);
        response.setStatus(code.httpStatus());
        response.setCharacterEncoding("UTF-8");
        response.setContentType("application/problem+json");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
