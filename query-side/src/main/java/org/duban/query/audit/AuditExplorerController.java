package org.duban.query.audit;

import org.duban.platform.axonserver.ReadsEventTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.platform.security.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The audit explorer (DOMAIN.md "Investigations"): events straight from the event store, filtered by
 * actor, actor's department, type, issue and record time; a JSON page, or a CSV / JSON Lines export
 * that streams every match without paging and without holding the result in memory.
 */
@ReadsEventTable
@RestController
@RequestMapping("/api/audit/events")
class AuditExplorerController {
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final String[] CSV_HEADER = {"globalIndex", "eventId", "type", "aggregateType", "aggregateId",
            "sequence", "recordedAt", "actorId", "actorRole", "actorDepartment", "correlationId", "clientAddress", "data"};

    private final AuditEventRepository events;
    private final ObjectMapper json = new ObjectMapper();

    AuditExplorerController(AuditEventRepository events) {
        this.events = events;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    AuditEvent.Page page(@RequestParam(required = false) @Size(max = 255) String actor,
                         @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String department,
                         @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,127}") String type,
                         @RequestParam(required = false) @Size(max = 255) String issue,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return events.page(filter(actor, department, type, issue, from, to), page, size);
    }

    @GetMapping(produces = CSV)
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) @Size(max = 255) String actor,
                                              @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String department,
                                              @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,127}") String type,
                                              @RequestParam(required = false) @Size(max = 255) String issue,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        AuditFilter filter = filter(actor, department, type, issue, from, to);
        StreamingResponseBody body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write('\uFEFF'); // so that Excel reads the Chinese text as UTF-8
            writeCsvRecord(w, CSV_HEADER);
            events.stream(filter, e -> {
                try {
                    writeCsvRecord(w, new String[]{Long.toString(e.globalIndex()), e.eventId(), e.type(),
                            e.aggregateType(), e.aggregateId(), Long.toString(e.sequence()), e.recordedAt(),
                            e.actor().id(), e.actor().role(), e.actor().department(), e.correlationId(),
                            e.clientAddress(), json.writeValueAsString(e.data())});
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            w.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"")
                .body(body);
    }

    @GetMapping(produces = NDJSON)
    ResponseEntity<StreamingResponseBody> ndjson(@RequestParam(required = false) @Size(max = 255) String actor,
                                                 @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String department,
                                                 @RequestParam(required = false) @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,127}") String type,
                                                 @RequestParam(required = false) @Size(max = 255) String issue,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        AuditFilter filter = filter(actor, department, type, issue, from, to);
        StreamingResponseBody body = out -> {
            events.stream(filter, e -> {
                try {
                    out.write(json.writeValueAsBytes(e.asMap()));
                    out.write('\n');
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.ndjson\"")
                .body(body);
    }

    /** Checks the caller and the period; both before anything is written, so refusals keep their status. */
    private static AuditFilter filter(String actor, String department, String type, String issue, Instant from, Instant to) {
        Actor caller = CurrentActor.require();
        if (caller.role() != Role.AUDITOR && caller.role() != Role.ADMIN) {
            throw new DomainRefusal(ErrorCode.FORBIDDEN, "Only auditors and administrators explore the audit trail.");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before from");
        }
        storable("from", from);
        storable("to", to);
        return new AuditFilter(blankToNull(actor), blankToNull(department), blankToNull(type), blankToNull(issue), from, to);
    }

    /** PostgreSQL's timestamps end in 294276 and begin 4713 BC; beyond them the query failed with a 500. */
    private static void storable(String field, Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new InvalidInput(field, "must be between 0001-01-01 and 9999-12-31");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** One RFC 4180 record: fields with a comma, quote or line break are quoted, quotes doubled; CRLF ends it. */
    static void writeCsvRecord(Writer w, String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) w.write(',');
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"');
                w.write(f.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(f);
            }
        }
        w.write("\r\n");
    }
}
