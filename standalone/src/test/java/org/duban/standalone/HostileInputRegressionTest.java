package org.duban.standalone;

import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The failures HostileInputFuzzTest found, each pinned down by one request. */
class HostileInputRegressionTest extends ScenarioTest {
    private static final String RAISE = Api.json(Map.of("title", "回归", "description", "d", "source", "HOTLINE",
            "category", "OTHER"));

    @ParameterizedTest(name = "a command with Accept: {0} is refused before it runs")
    @ValueSource(strings = {"text/csv", "application/pdf", "application/json;q=0, text/plain"})
    void a_command_whose_answer_the_client_cannot_accept_is_refused_and_appends_nothing(String accept) throws Exception {
        long before = peopleEvents();
        Api.Response r = send("POST", "/api/issues", RAISE, Map.of("Content-Type", "application/json", "Accept", accept));
        assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
        // it used to run the command, append IssueRaised, and only then fail writing the answer
        assertThat(peopleEvents()).isEqualTo(before);
    }

    @Test
    void a_command_accepting_anything_is_still_carried_out() throws Exception {
        Api.Response r = send("POST", "/api/issues", RAISE, Map.of("Content-Type", "application/json", "Accept", "text/html, */*;q=0.8"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void a_wildcard_content_type_is_415_not_a_server_error() throws Exception {
        long before = peopleEvents();
        assertProblem(send("POST", "/api/issues", RAISE, Map.of("Content-Type", "*/*")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send("POST", "/api/issues", RAISE, Map.of("Content-Type", "application/*")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(peopleEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "a path with {0} is a 400 problem")
    @ValueSource(strings = {"/api/issues/a%3Bb/hold", "/api/issues/a%25b/hold", "/api/issues/../hold"})
    void a_path_the_firewall_refuses_is_a_problem_with_a_code(String path) throws Exception {
        long before = peopleEvents();
        assertProblem(send("POST", path, Api.json(Map.of("reason", "r")), Map.of("Content-Type", "application/json")),
                400, "MALFORMED_REQUEST");
        assertThat(peopleEvents()).isEqualTo(before);
    }

    @Test
    void a_query_that_is_no_utf8_is_a_problem_with_a_code() throws Exception {
        assertProblem(send("GET", "/api/issues?q=%ED%A0%80", null, Map.of()), 400, "MALFORMED_REQUEST");
        assertProblem(send("GET", "/api/issues?%ED%A0%80=x", null, Map.of()), 400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest(name = "{0} as of a date beyond 0001-9999 is 400 naming asOf")
    @ValueSource(strings = {"/history", "/loop", "", "dashboard"})
    void as_of_beyond_the_storable_dates_is_bad_input_not_a_server_error(String view) throws Exception {
        String id = raise("远未来");
        for (String asOf : new String[]{"%2B999999999-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z"}) {
            String path = view.equals("dashboard") ? "/api/dashboard/wall?asOf=" + asOf : "/api/issues/" + id + view + "?asOf=" + asOf;
            Api.Response r = send("GET", path, null, Map.of());
            assertProblem(r, 400, "VALIDATION_FAILED");
            assertThat(r.json().path("errors").findValuesAsText("field")).containsExactly("asOf");
        }
        // the year 9999 is still a date: everything recorded by then
        Api.Response history = send("GET", "/api/issues/" + id + "/history?asOf=9999-12-31T00:00:00Z&minVersion=0", null, Map.of());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().size()).isEqualTo(1);
    }

    @Test
    void a_put_with_a_malformed_form_body_is_415_not_a_server_error() throws Exception {
        Api.Response r = send("PUT", "/api/ranking-weights", "reason=%", Map.of("Content-Type", "application/x-www-form-urlencoded"), "admin");
        assertProblem(r, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest(name = "audit events {0} is 400 naming the field")
    @ValueSource(strings = {"to=-1000000000-01-01T00:00:00Z", "from=%2B999999999-12-31T23:59:59Z"})
    void audit_events_beyond_the_databases_calendar_are_bad_input(String query) throws Exception {
        Api.Response r = send("GET", "/api/audit/events?" + query, null, Map.of(), "auditor");
        assertProblem(r, 400, "VALIDATION_FAILED");
        assertThat(r.json().path("errors").findValuesAsText("field")).containsAnyOf("from", "to");
    }

    private Api.Response send(String method, String path, String body, Map<String, String> headers) throws Exception {
        return send(method, path, body, headers, "inspector");
    }

    private Api.Response send(String method, String path, String body, Map<String, String> headers, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Api.Response response = new Api.Response(r.statusCode(), r.body(), r);
        assertThat(response.status()).as("never a 5xx: " + response).isLessThan(500);
        return response;
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

    private long peopleEvents() {
        return peopleAppended();
    }
}
