package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit explorer over HTTP: filters, the JSON page, the CSV and JSON Lines exports, and who may use it. */
class AuditExplorerTest extends ScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "药房取药, \"窗口\"排队";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String issue;

    @BeforeEach
    void raiseAndAssign() {
        Api.Response raised = api.as("inspector").post("/api/issues", Map.of("title", TITLE, "description", "审计测试",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE",
                "complainant", Map.of("name", "王审计", "phone", "13700007777", "idNumber", "110101197001017777")));
        assertThat(raised.status()).isEqualTo(201);
        issue = raised.json().get("id").asText();
        accepted(api.as("inspector").post("/api/issues/" + issue + "/assignment", Map.of("department", "PHARMACY")));
    }

    @Test
    void the_json_page_lists_an_issues_events_in_order_with_their_actors_and_sealed_personal_data() {
        Api.Response r = api.as("auditor").get("/api/audit/events?issue=" + issue);
        assertThat(r.status()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isZero();
        JsonNode items = page.get("items");
        assertThat(items.findValuesAsText("type")).containsExactly("IssueRaised", "OwnerAssigned");
        assertThat(items.get(0).get("sequence").asLong()).isZero();
        assertThat(items.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(items.get(1).get("globalIndex").asLong()).isGreaterThan(items.get(0).get("globalIndex").asLong());
        assertThat(items.get(0).get("aggregateId").asText()).isEqualTo(issue);
        assertThat(items.get(0).at("/actor/id").asText()).isEqualTo("inspector");
        assertThat(items.get(0).at("/actor/role").asText()).isEqualTo("INSPECTOR");
        assertThat(items.get(0).at("/actor/department").asText()).isEqualTo("DISCIPLINE");
        assertThat(items.get(1).at("/actor/id").asText()).isEqualTo("inspector");
        assertThat(items.get(0).get("eventId").asText()).isNotBlank();
        assertThat(Instant.parse(items.get(0).get("recordedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(items.get(0).at("/data/title").asText()).isEqualTo(TITLE);
        assertThat(items.get(0).at("/data/complainant/sealed").asBoolean()).isTrue();
        assertThat(items.get(0).at("/data/complainant/subjectId").asText()).isNotBlank();
        assertThat(items.get(0).at("/data/complainant").size()).isEqualTo(2);
        assertPersonalDataAbsent(r.body());

        // Paging: one per page, the second page holds the assignment.
        JsonNode second = api.as("admin").get("/api/audit/events?issue=" + issue + "&size=1&page=1").json();
        assertThat(second.get("totalItems").asLong()).isEqualTo(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.at("/items/0/type").asText()).isEqualTo("OwnerAssigned");
    }

    @Test
    void filters_by_type_actor_department_and_period() {
        JsonNode assigned = api.as("auditor").get("/api/audit/events?issue=" + issue + "&type=OwnerAssigned&actor=inspector").json();
        assertThat(assigned.get("totalItems").asLong()).isEqualTo(1);
        assertThat(assigned.at("/items/0/type").asText()).isEqualTo("OwnerAssigned");
        assertThat(assigned.at("/items/0/data/department").asText()).isEqualTo("PHARMACY");

        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue + "&actor=pharmacy").json()
                .get("totalItems").asLong()).isZero();
        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue + "&department=DISCIPLINE").json()
                .get("totalItems").asLong()).isEqualTo(2);
        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue + "&department=PHARMACY").json()
                .get("totalItems").asLong()).isZero();
        // Every OwnerAssigned anywhere is an OwnerAssigned: the type is the simple name, not a substring.
        JsonNode anyAssigned = api.as("auditor").get("/api/audit/events?type=OwnerAssigned&size=500").json();
        assertThat(anyAssigned.findValuesAsText("type")).containsOnly("OwnerAssigned");
        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue + "&type=Assigned").json()
                .get("totalItems").asLong()).isZero();

        String past = Instant.now().minus(Duration.ofDays(1)).toString();
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue + "&from=" + past + "&to=" + future).json()
                .get("totalItems").asLong()).isEqualTo(2);
        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue + "&from=" + future).json()
                .get("totalItems").asLong()).isZero();
        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue + "&to=" + past).json()
                .get("totalItems").asLong()).isZero();
    }

    @Test
    void the_csv_export_has_a_header_a_bom_and_one_quoted_record_per_event() throws Exception {
        HttpResponse<byte[]> r = http.send(request("auditor", "/api/audit/events?issue=" + issue, "text/csv"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] bytes = r.body();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertPersonalDataAbsent(text);
        assertThat(text.split("\r\n", -1)).hasSize(4); // header, two events, and the empty rest after the last CRLF

        List<List<String>> records = parseCsv(text);
        assertThat(records).hasSize(3);
        List<String> header = records.get(0);
        assertThat(header).startsWith("globalIndex", "eventId", "type");
        int type = header.indexOf("type");
        int actor = header.indexOf("actorId");
        int data = header.indexOf("data");
        assertThat(records.get(1).get(type)).isEqualTo("IssueRaised");
        assertThat(records.get(2).get(type)).isEqualTo("OwnerAssigned");
        assertThat(records.get(1).get(actor)).isEqualTo("inspector");
        assertThat(records.get(1)).hasSize(header.size());
        JsonNode raisedData = JSON.readTree(records.get(1).get(data));
        assertThat(raisedData.get("title").asText()).isEqualTo(TITLE);
        assertThat(raisedData.at("/complainant/sealed").asBoolean()).isTrue();
    }

    @Test
    void the_json_lines_export_parses_line_by_line() throws Exception {
        HttpResponse<String> r = http.send(request("admin", "/api/audit/events?issue=" + issue, "application/x-ndjson"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertPersonalDataAbsent(r.body());
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(2);
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) events.add(JSON.readTree(line));
        assertThat(events.get(0).get("type").asText()).isEqualTo("IssueRaised");
        assertThat(events.get(1).get("type").asText()).isEqualTo("OwnerAssigned");
        assertThat(events.get(1).at("/actor/id").asText()).isEqualTo("inspector");
        assertThat(events.get(0).at("/data/title").asText()).isEqualTo(TITLE);
    }

    @Test
    void only_auditors_and_administrators_explore_and_bad_input_is_refused() throws Exception {
        assertThat(api.as("auditor").get("/api/audit/events?issue=" + issue).status()).isEqualTo(200);
        assertThat(api.as("admin").get("/api/audit/events?issue=" + issue).status()).isEqualTo(200);
        Api.Response pharmacy = api.as("pharmacy").get("/api/audit/events?issue=" + issue);
        assertThat(pharmacy.status()).isEqualTo(403);
        assertThat(pharmacy.code()).isEqualTo("FORBIDDEN");
        assertThat(api.as("inspector").get("/api/audit/events").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/audit/events").status()).isEqualTo(401);
        assertThat(http.send(request("pharmacy", "/api/audit/events", "text/csv"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(http.send(request("pharmacy", "/api/audit/events", "application/x-ndjson"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(http.send(request(null, "/api/audit/events", "text/csv"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);

        Api.Response badFrom = api.as("auditor").get("/api/audit/events?from=yesterday");
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.code()).isEqualTo("VALIDATION_FAILED");
        Api.Response bigPage = api.as("auditor").get("/api/audit/events?size=501");
        assertThat(bigPage.status()).isEqualTo(400);
        assertThat(bigPage.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.as("auditor").get("/api/audit/events?type=Owner%25").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.as("auditor").get("/api/audit/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.send(request("auditor", "/api/audit/events?from=yesterday", "application/x-ndjson"),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }

    /**
     * Not a timing test: the whole table is exported without filters or paging, read by the client
     * as a stream line by line (never held whole), and every event arrives exactly once.
     */
    @Test
    void the_whole_event_store_streams_as_json_lines() throws Exception {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        HttpResponse<InputStream> r = http.send(request("auditor", "/api/audit/events", "application/x-ndjson"),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).isEmpty(); // streamed (chunked), not buffered whole
        long lines = 0;
        long lastIndex = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                long index = JSON.readTree(line).get("globalIndex").asLong();
                assertThat(index).isGreaterThan(lastIndex);
                lastIndex = index;
                lines++;
            }
        }
        long after = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        // Background processes may append while the export runs; the export is a snapshot in between.
        assertThat(lines).isBetween(before, after);
        assertThat(lines).isGreaterThanOrEqualTo(2);
    }

    private HttpRequest request(String user, String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    private static void assertPersonalDataAbsent(String text) {
        assertThat(text).doesNotContain("王审计").doesNotContain("13700007777").doesNotContain("110101197001017777");
    }

    /** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF ends a record. */
    private static List<List<String>> parseCsv(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') quoted = false;
                else field.append(c);
                i++;
            } else if (c == '"') {
                if (field.length() > 0) throw new IOException("quote inside an unquoted field at " + i);
                quoted = true;
                i++;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                field.append(c);
                i++;
            }
        }
        if (quoted) throw new IOException("unterminated quoted field");
        if (field.length() > 0 || !record.isEmpty()) throw new IOException("last record lacks its CRLF");
        return records;
    }
}
