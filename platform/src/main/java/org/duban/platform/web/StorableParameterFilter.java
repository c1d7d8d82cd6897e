package org.duban.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.api.error.ErrorCode;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Query parameters obey the same rule as bodies: text that cannot be stored or searched is refused with 400. */
public class StorableParameterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException unparsable) {
            // Tomcat refuses a query (or form) that is no valid UTF-8 percent-encoding, e.g. %ED%A0%80
            // (a lone surrogate); left alone it became a 400 with Spring Boot's error body, not a problem
            ProblemWriter.write(response, ErrorCode.MALFORMED_REQUEST,
                    "The query string is not valid percent-encoded UTF-8.");
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = StorableInput.problemWith(value);
                if (problem == null && beyondStorableDates(value)) problem = "is a date beyond 0001-01-01 to 9999-12-31";
                if (problem != null || StorableInput.problemWith(parameter.getKey()) != null) {
                    String name = printable(parameter.getKey());
                    String message = problem == null ? "has an invalid name" : problem;
                    ProblemWriter.write(response, ErrorCode.VALIDATION_FAILED, "Parameter '" + name + "' " + message + ".",
                            Map.of("errors", List.of(Map.of("field", name, "message", message))));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * An ISO date or instant with a signed or five-digit year (+999999999-12-31T23:59:59Z) parses
     * as an Instant but overflows java.sql.Timestamp and PostgreSQL, which made as-of and period
     * filters answer 500; no record of this system lies out there, so such a value is bad input.
     */
    static boolean beyondStorableDates(String value) {
        return value != null && BEYOND_DATES.matcher(value).matches();
    }

    private static final java.util.regex.Pattern BEYOND_DATES =
            java.util.regex.Pattern.compile("\\s*([+-]\\d{4,}|\\d{5,})-\\d{1,2}-\\d{1,2}([T ].*)?");

    private static String printable(String name) {
        return name.replaceAll("[\\x00-\\x1f\\p{Cs}]", "?");
    }
}
