package org.duban.platform.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.error.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/**
 * The one place where failures become answers: every error is a problem detail with a stable
 * {@code code}; bad input is a 4xx, never a 500; a database that is away is a 503 to retry.
 * Ordered just after the highest precedence so that an advice limited to the web pages'
 * controllers (query side, org.duban.query.ui) can answer their failures with an HTML page first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemDetailsAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainRefusal.class)
    ResponseEntity<ProblemDetail> refused(DomainRefusal e) {
        if (e instanceof InvalidInput invalid) {
            return validationFailed("The request has invalid fields.",
                    List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())));
        }
        return Problems.response(e.code(), e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Refusal refusal = e.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast).orElse(null);
        if (refusal != null && refusal.field() != null) {
            return validationFailed("The request has invalid fields.",
                    List.of(Map.of("field", refusal.field(), "message", refusal.message())));
        }
        if (refusal != null) return Problems.response(refusal.code(), refusal.message());
        var database = DatabaseUnavailable.of(e);
        if (database.isPresent()) return databaseUnavailable(database.get(), e);
        log.error("Command failed without a refusal code", e);
        return Problems.response(ErrorCode.INTERNAL_ERROR, "The command could not be handled.");
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(Exception e) {
        return Problems.response(ErrorCode.CONCURRENT_MODIFICATION,
                "Someone else changed this item at the same moment; reload it and try again.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetailsAdvice::fieldError).toList();
        return validationFailed("The request has invalid fields.", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Map.of(
                        "field", String.valueOf(r.getMethodParameter().getParameterName()),
                        "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        return validationFailed("The request has invalid parameters.", errors);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        String name = switch (e) {
            case MethodArgumentTypeMismatchException m -> m.getName();
            case MissingServletRequestParameterException m -> m.getParameterName();
            case MissingRequestHeaderException m -> m.getHeaderName();
            default -> "?";
        };
        return validationFailed("Parameter '" + name + "' is missing or has the wrong type.",
                List.of(Map.of("field", name, "message", "missing or wrong type")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
                return Problems.response(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        String where = JsonErrorPath.of(e);
        return Problems.response(ErrorCode.MALFORMED_REQUEST, where == null
                ? "The body is not valid JSON for this request."
                : "The body is not valid JSON for this request: '" + where + "' is malformed or has the wrong type.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here.");
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> mediaType(Exception e) {
        return Problems.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send and accept application/json.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.response(ErrorCode.NOT_FOUND, "No such resource.");
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseAway(Exception e) {
        return databaseUnavailable(DatabaseUnavailable.of(e).orElse(DatabaseUnavailable.Kind.AWAY), e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // Axon's event store wraps the driver's exception in its own types, which Spring does not
        // translate; a database that is away must still answer 503, not 500.
        var database = DatabaseUnavailable.of(e);
        if (database.isPresent()) return databaseUnavailable(database.get(), e);
        log.error("Unexpected failure", e);
        return Problems.response(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; it has been logged.");
    }

    private static ResponseEntity<ProblemDetail> databaseUnavailable(DatabaseUnavailable.Kind kind, Exception e) {
        log.warn("Database unavailable ({}): {}", kind, e.toString());
        return Problems.response(ErrorCode.SERVICE_UNAVAILABLE, switch (kind) {
            case AWAY -> "The database is not reachable right now; nothing was changed. Try again shortly.";
            case REFUSING -> "The database is refusing changes right now (read-only, out of space or overloaded); "
                    + "nothing was changed. Try again later.";
        });
    }

    private static ResponseEntity<ProblemDetail> validationFailed(String detail, List<Map<String, String>> errors) {
        ResponseEntity<ProblemDetail> response = Problems.response(ErrorCode.VALIDATION_FAILED, detail);
        response.getBody().setProperty("errors", errors);
        return response;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }
}
