package org.duban.standalone;

import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.standalone.support.Api.json;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * API.md's promise about bad input, over real HTTP: a 400 problem with a stable code (and, for
 * validation, the offending field), nothing appended to the event store, and never a 5xx.
 */
class BadInputTest extends ScenarioTest {
    private static final String MALFORMED = "MALFORMED_REQUEST";
    private static final String INVALID = "VALIDATION_FAILED";
    private static final String TOO_LARGE = "PAYLOAD_TOO_LARGE";
    private static final String OVERSIZED_TEXT = "x".repeat(300_000);

    // ---- raising an issue ------------------------------------------------------------------

    @ParameterizedTest(name = "raising without {0} is refused and names it")
    @ValueSource(strings = {"title", "description", "source", "category"})
    void raising_without_a_required_field_is_refused_and_names_the_field(String field) {
        Map<String, Object> body = validRaise();
        body.remove(field);
        raiseIsRefused(json(body), INVALID, field);
    }

    @ParameterizedTest(name = "raising with {0} set to null is refused and names it")
    @ValueSource(strings = {"title", "description", "source", "category"})
    void raising_with_a_required_field_set_to_null_is_refused_and_names_the_field(String field) {
        Map<String, Object> body = validRaise();
        body.put(field, null);
        raiseIsRefused(json(body), INVALID, field);
    }

    static Stream<Arguments> badRaises() {
        return Stream.of(
                arguments("malformed JSON", "{\"title\":", MALFORMED, null),
                arguments("an empty body", "", MALFORMED, null),
                arguments("a JSON array instead of an object", "[]", MALFORMED, null),
                arguments("an unknown source", raiseWith("source", "TWITTER"), MALFORMED, "source"),
                arguments("an unknown severity", raiseWith("severity", "URGENT"), MALFORMED, "severity"),
                arguments("an occurredAt that is not an instant", raiseWith("occurredAt", "yesterday"), MALFORMED, "occurredAt"),
                arguments("a blank title", raiseWith("title", "   "), INVALID, "title"),
                arguments("a blank description", raiseWith("description", ""), INVALID, "description"),
                arguments("a 201-character title", raiseWith("title", "题".repeat(201)), INVALID, "title"),
                arguments("a description over 10 000 characters", raiseWith("description", "x".repeat(10_001)), INVALID, "description"),
                arguments("a future occurredAt", raiseWith("occurredAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()), INVALID, "occurredAt"),
                arguments("a concernedDepartment that is no department code", raiseWith("concernedDepartment", "药学部"), INVALID, "concernedDepartment"),
                arguments("a complainant phone with letters", raiseWith("complainant", Map.of("phone", "call me")), INVALID, "complainant.phone"),
                arguments("an oversized body", raiseWith("description", OVERSIZED_TEXT), TOO_LARGE, null));
    }

    @ParameterizedTest(name = "raising with {0} answers 400 {2}")
    @MethodSource("badRaises")
    void raising_with_bad_input_answers_400_with_a_stable_code_and_appends_nothing(String what, String body, String code, String field) {
        raiseIsRefused(body, code, field);
    }

    @Test
    void raising_with_an_occurred_at_before_any_calendar_is_bad_input_not_a_server_error() {
        long before = allEvents();
        Api.Response r = post("inspector", "/api/issues", raiseWith("occurredAt", "-1000000000-01-01T00:00:00Z"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(allEvents()).isEqualTo(before);
    }

    // ---- commands on an existing issue ---------------------------------------------------

    static Stream<Arguments> badCommands() {
        String later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        return Stream.of(
                bad("progress-reports", "malformed JSON", "{\"percent\":", MALFORMED, null),
                bad("progress-reports", "a JSON array", "[]", MALFORMED, null),
                bad("progress-reports", "percent \"half\"", Map.of("percent", "half", "summary", "s"), MALFORMED, "percent"),
                bad("progress-reports", "percent -1", Map.of("percent", -1, "summary", "s"), INVALID, "percent"),
                bad("progress-reports", "percent 101", Map.of("percent", 101, "summary", "s"), INVALID, "percent"),
                bad("progress-reports", "no percent", Map.of("summary", "s"), INVALID, "percent"),
                bad("progress-reports", "no summary", Map.of("percent", 50), INVALID, "summary"),
                bad("progress-reports", "a blank summary", Map.of("percent", 50, "summary", "  "), INVALID, "summary"),
                bad("progress-reports", "a blank evidence ref", Map.of("percent", 50, "summary", "s", "evidence", List.of("")), INVALID, "evidence[0]"),
                bad("progress-reports", "an oversized body", Map.of("percent", 50, "summary", OVERSIZED_TEXT), TOO_LARGE, null),
                bad("extension-requests", "requestedDueDate \"tomorrow\"", Map.of("requestedDueDate", "tomorrow", "reason", "r"), MALFORMED, "requestedDueDate"),
                bad("extension-requests", "no requestedDueDate", Map.of("reason", "r"), INVALID, "requestedDueDate"),
                bad("extension-requests", "a requestedDueDate in the year 999999999",
                        Map.of("requestedDueDate", "+999999999-12-31", "reason", "r"), INVALID, "requestedDueDate"),
                bad("extension-requests", "a blank reason", Map.of("requestedDueDate", later, "reason", ""), INVALID, "reason"),
                bad("extension-decisions", "approved \"yes\"", Map.of("approved", "yes"), MALFORMED, "approved"),
                bad("extension-decisions", "no approved", Map.of("note", "n"), INVALID, "approved"),
                bad("assignment", "a lower-case department", Map.of("department", "pharmacy"), INVALID, "department"),
                bad("assignment", "no department", Map.of(), INVALID, "department"),
                bad("co-departments", "a blank department", Map.of("department", ""), INVALID, "department"),
                bad("hold", "a 2001-character reason", Map.of("reason", "x".repeat(2_001)), INVALID, "reason"),
                bad("withdrawal", "a blank reason", Map.of("reason", " "), INVALID, "reason"),
                bad("merge", "intoIssueId \"not-an-issue\"", Map.of("intoIssueId", "not-an-issue"), INVALID, "intoIssueId"),
                bad("merge", "intoIssueId of 36 hex digits without dashes", Map.of("intoIssueId", "0".repeat(36)), INVALID, "intoIssueId"),
                bad("verification", "no note", Map.of("passed", true), INVALID, "note"),
                bad("effectiveness-checks", "recurred \"maybe\"", Map.of("recurred", "maybe", "note", "n"), MALFORMED, "recurred"),
                bad("plan", "a milestone without dueDate", Map.of("rootCause", "r", "measures", "m",
                        "milestones", List.of(Map.of("title", "t"))), INVALID, "milestones[0].dueDate"),
                bad("plan", "a null milestone", "{\"rootCause\":\"r\",\"measures\":\"m\",\"milestones\":[null]}", INVALID, "milestones[0]"),
                bad("rectification", "no summary", Map.of("evidence", List.of("a.pdf")), INVALID, "summary"),
                bad("acknowledgement", "malformed JSON", "{\"note\":", MALFORMED, null),
                bad("acknowledgement", "a 2001-character note", Map.of("note", "x".repeat(2_001)), INVALID, "note"));
    }

    @ParameterizedTest(name = "{0} with {1} answers 400 {3}")
    @MethodSource("badCommands")
    void a_command_with_bad_input_answers_400_with_a_stable_code_and_appends_nothing(String command, String what, String body,
                                                                                   String code, String field) {
        String id = issueInProgressAtPharmacy();
        long before = eventCount(id);
        Api.Response r = post(SENDER.get(command), "/api/issues/" + id + "/" + command, body);
        assertBadInput(r, code, field);
        assertThat(eventCount(id)).isEqualTo(before);
    }

    /** Who may send each command (API.md), so a refusal is about the input and not the role. */
    private static final Map<String, String> SENDER = Map.ofEntries(
            Map.entry("progress-reports", "pharmacy"), Map.entry("extension-requests", "pharmacy"),
            Map.entry("plan", "pharmacy"), Map.entry("rectification", "pharmacy"), Map.entry("acknowledgement", "pharmacy"),
            Map.entry("extension-decisions", "committee"), Map.entry("assignment", "inspector"),
            Map.entry("co-departments", "inspector"), Map.entry("hold", "inspector"), Map.entry("withdrawal", "inspector"),
            Map.entry("merge", "inspector"), Map.entry("verification", "inspector"), Map.entry("effectiveness-checks", "inspector"));

    private static Arguments bad(String command, String what, Object body, String code, String field) {
        return arguments(command, what, body instanceof String s ? s : json(body), code, field);
    }

    @Test
    void an_oversized_chunked_body_is_refused_as_payload_too_large() throws Exception {
        String id = issueInProgressAtPharmacy();
        long before = eventCount(id);
        byte[] body = json(Map.of("percent", 50, "summary", OVERSIZED_TEXT)).getBytes(StandardCharsets.UTF_8);
        // A body publisher without a length makes the client send the body chunked, with no Content-Length.
        Api.Response r = raw("pharmacy", "/api/issues/" + id + "/progress-reports", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertBadInput(r, TOO_LARGE, null);
        assertThat(eventCount(id)).isEqualTo(before);
    }

    @Test
    void a_body_sent_as_plain_text_is_415_unsupported_media_type() throws Exception {
        long before = allEvents();
        Api.Response r = raw("inspector", "/api/issues", "text/plain", HttpRequest.BodyPublishers.ofString(json(validRaise())));
        assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(allEvents()).isEqualTo(before);
    }

    // ---- unknown and malformed issue ids -------------------------------------------------

    @Test
    void a_command_on_an_unknown_issue_is_404_issue_not_found_and_appends_nothing() {
        String unknown = UUID.randomUUID().toString();
        Api.Response r = post("inspector", "/api/issues/" + unknown + "/assignment", json(Map.of("department", "PHARMACY")));
        assertProblem(r, 404, "ISSUE_NOT_FOUND");
        assertThat(eventCount(unknown)).isZero();
    }

    @Test
    void merging_an_unknown_issue_into_a_real_one_is_404_issue_not_found() {
        String target = raise("合并目标");
        String unknown = UUID.randomUUID().toString();
        Api.Response r = post("inspector", "/api/issues/" + unknown + "/merge", json(Map.of("intoIssueId", target)));
        assertProblem(r, 404, "ISSUE_NOT_FOUND");
        assertThat(eventCount(unknown)).isZero();
        assertThat(eventCount(target)).isEqualTo(1);
    }

    @ParameterizedTest(name = "reading {0} of an unknown issue is 404")
    @ValueSource(strings = {"", "/history"})
    void reading_an_unknown_issue_is_404_issue_not_found(String view) {
        assertProblem(get("inspector", "/api/issues/" + UUID.randomUUID() + view), 404, "ISSUE_NOT_FOUND");
    }

    @Test
    void a_malformed_issue_id_names_no_issue_so_commands_and_reads_answer_404() {
        assertProblem(post("inspector", "/api/issues/not-a-uuid/assignment", json(Map.of("department", "PHARMACY"))), 404, "ISSUE_NOT_FOUND");
        assertProblem(post("inspector", "/api/issues/not-a-uuid/hold", json(Map.of("reason", "r"))), 404, "ISSUE_NOT_FOUND");
        assertProblem(get("inspector", "/api/issues/not-a-uuid"), 404, "ISSUE_NOT_FOUND");
        assertProblem(get("inspector", "/api/issues/not-a-uuid/history"), 404, "ISSUE_NOT_FOUND");
    }

    // ---- query parameters ----------------------------------------------------------------

    @ParameterizedTest(name = "GET /api/issues?{0} is 400 naming {1}")
    @MethodSource("badListParameters")
    void listing_issues_with_a_bad_parameter_answers_400_naming_it(String query, String parameter) {
        assertBadInput(get("inspector", "/api/issues?" + query), INVALID, parameter);
    }

    static Stream<Arguments> badListParameters() {
        return Stream.of(
                arguments("size=0", "size"),
                arguments("size=1000", "size"),
                arguments("page=-1", "page"),
                arguments("page=first", "page"),
                arguments("status=NOPE", "status"),
                arguments("source=TWITTER", "source"),
                arguments("overdue=maybe", "overdue"),
                arguments("department=pharmacy", "department"),
                arguments("q=" + "q".repeat(201), "q"),
                arguments("q=%00", "q"));
    }

    @ParameterizedTest(name = "reading an issue or its history with {0} is 400 naming {1}")
    @MethodSource("badIssueParameters")
    void reading_an_issue_with_a_bad_parameter_answers_400_naming_it(String query, String parameter) {
        String id = raise("参数");
        assertBadInput(get("inspector", "/api/issues/" + id + "?" + query), INVALID, parameter);
        assertBadInput(get("inspector", "/api/issues/" + id + "/history?" + query), INVALID, parameter);
    }

    static Stream<Arguments> badIssueParameters() {
        return Stream.of(
                arguments("minVersion=-1", "minVersion"),
                arguments("minVersion=latest", "minVersion"),
                arguments("asOf=yesterday", "asOf"));
    }

    // ---- helpers -------------------------------------------------------------------------

    private void raiseIsRefused(String body, String code, String field) {
        long events = allEvents();
        long subjects = personalDataSubjects();
        assertBadInput(post("inspector", "/api/issues", body), code, field);
        assertThat(allEvents()).as("events appended").isEqualTo(events);
        assertThat(personalDataSubjects()).as("personal-data keys created").isEqualTo(subjects);
    }

    /** 400, a problem+json body with the expected stable code, and the field it is about. */
    private static void assertBadInput(Api.Response r, String code, String field) {
        assertProblem(r, 400, code);
        if (field == null) return;
        if (INVALID.equals(code)) {
            assertThat(r.json().path("errors").findValuesAsText("field")).as("errors of " + r).contains(field);
        } else {
            assertThat(r.json().path("detail").asText()).as("detail of " + r).contains(field);
        }
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("content type of " + r).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

    /** Every request of this class goes through here: bad input is never a server error. */
    private Api.Response post(String user, String path, String body) {
        return noServerError(api.as(user).postRaw(path, body, Map.of()));
    }

    private Api.Response get(String user, String path) {
        return noServerError(api.as(user).get(path));
    }

    private static Api.Response noServerError(Api.Response r) {
        assertThat(r.status()).as("never a 5xx for bad input: " + r).isLessThan(500);
        return r;
    }

    private String issueInProgressAtPharmacy() {
        String id = raise("坏输入");
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
        return id;
    }

    /** A request {@link Api} cannot send: another content type, or a body without a length. */
    private Api.Response raw(String user, String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .POST(body)
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return noServerError(new Api.Response(r.statusCode(), r.body(), r));
    }

    private long allEvents() {
        return peopleAppended();
    }

    private long personalDataSubjects() {
        return jdbc.queryForObject("select count(*) from personal_data_key", Long.class);
    }

    private static Map<String, Object> validRaise() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "候诊时间长");
        body.put("description", "门诊候诊超过两小时");
        body.put("source", "HOTLINE");
        body.put("category", "MEDICAL_SERVICE");
        return body;
    }

    private static String raiseWith(String field, Object value) {
        Map<String, Object> body = validRaise();
        body.put(field, value);
        return json(body);
    }
}
