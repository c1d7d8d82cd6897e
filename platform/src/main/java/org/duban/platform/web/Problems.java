package org.duban.platform.web;

import org.duban.api.error.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** RFC 9457 problem details carrying the stable {@code code} of API.md. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
        problem.setType(URI.create("urn:duban:problem:" + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(HttpStatus.valueOf(code.httpStatus()).getReasonPhrase());
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(code.httpStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // Every 503 is temporary by construction (a view catching up, a database coming back).
        if (code.httpStatus() == 503) response.header(HttpHeaders.RETRY_AFTER, "1");
        return response.body(of(code, detail));
    }
}
