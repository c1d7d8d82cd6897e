package org.duban.standalone.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.IntegrityAwait;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.TestDatabase;
import org.duban.verifier.BundleVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's "done when", end to end: for each tampering a superuser can do behind the append-only
 * trigger (an altered payload, a deleted row, two swapped rows, a truncated tail), a bundle
 * downloaded from the server AFTER the tampering fails the offline verifier (exit 1) naming exactly
 * the tampered event, and GET /api/audit/integrity names the same event. Each test runs the app on
 * its own database, with signed checkpoints of the untouched chain.
 */
class TamperedBundleTest {
    @TempDir
    Path dir;
    private ConfigurableApplicationContext app;
    private Api api;
    private JdbcTemplate jdbc;
    private String baseUrl;
    /** global_index and event_identifier of every event, in global order, before any tampering. */
    private List<Map<String, Object>> events;

    @BeforeEach
    void start() throws Exception {
        app = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class), TestDatabase.newDatabase(),
                Clock.systemUTC(), "--duban.integrity.interval=200ms", "--duban.integrity.gap-grace=1s",
                "--duban.integrity.checkpoint-interval=200ms", "--duban.recurrence.look-back-days=0");
        api = Apps.api(app);
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        jdbc = app.getBean(JdbcTemplate.class);
        for (int i = 0; i < 5; i++) {
            Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", "篡改检测事项 " + i,
                    "description", "测试描述", "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        IntegrityAwait.chainedAndCheckpointed(jdbc, 5);
        events = jdbc.queryForList("select global_index, event_identifier from domain_event_entry order by global_index");
        assertThat(events).hasSize(5);
        BundleVerifier.Result intact = BundleVerifier.verify(download("intact.zip"), null);
        assertThat(intact.exitCode()).as(intact.message()).isZero();
        assertThat(intact.events()).isEqualTo(events.size());
        assertThat(integrity().get("ok").asBoolean()).isTrue();
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void an_altered_payload_is_named_offline_and_online() throws Exception {
        Map<String, Object> target = events.get(2);
        tamper("update domain_event_entry set payload = set_byte(payload, 5, get_byte(payload, 5) # 1) where global_index = ?",
                target.get("global_index"));
        assertNamedOfflineAndOnline(index(target), id(target), "PAYLOAD_OR_METADATA_ALTERED");
    }

    @Test
    void a_deleted_row_is_named_offline_and_online() throws Exception {
        Map<String, Object> target = events.get(1);
        tamper("delete from domain_event_entry where global_index = ?", target.get("global_index"));
        assertNamedOfflineAndOnline(index(target), id(target), "ROW_MISSING");
    }

    @Test
    void two_swapped_rows_are_named_at_the_first_of_them_offline_and_online() throws Exception {
        Map<String, Object> first = events.get(1);
        Map<String, Object> second = events.get(3);
        long a = index(first);
        long b = index(second);
        tamper("update domain_event_entry set global_index = ? where global_index = ?", -a, a);
        tamper("update domain_event_entry set global_index = ? where global_index = ?", a, b);
        tamper("update domain_event_entry set global_index = ? where global_index = ?", b, -a);
        // at index a the store now holds the second event where the chain recorded the first
        BundleVerifier.Result offline = assertNamedOfflineAndOnline(a, id(second), "EXTRA_OR_REORDERED_ROW");
        assertThat(offline.reason()).contains("the chain recorded event " + id(first) + " at this index");
    }

    @Test
    void a_truncated_tail_is_named_at_the_first_missing_event_offline_and_online() throws Exception {
        Map<String, Object> firstGone = events.get(3);
        tamper("delete from domain_event_entry where global_index >= ?", firstGone.get("global_index"));
        assertNamedOfflineAndOnline(index(firstGone), id(firstGone), "TRUNCATED_TAIL");
    }

    /** The offline verifier on a bundle downloaded now, and the online check, both name this event. */
    private BundleVerifier.Result assertNamedOfflineAndOnline(long globalIndex, String eventId, String reason) throws Exception {
        BundleVerifier.Result offline = BundleVerifier.verify(download("tampered.zip"), null);
        assertThat(offline.exitCode()).as(offline.message()).isEqualTo(1);
        assertThat(offline.brokenIndex()).as(offline.message()).isEqualTo(globalIndex);
        assertThat(offline.brokenEvent()).as(offline.message()).isEqualTo(eventId);
        assertThat(offline.message()).startsWith("BROKEN at global index " + globalIndex + " (event " + eventId + "): " + reason);

        JsonNode report = integrity();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
        JsonNode broken = report.get("firstBrokenAt");
        assertThat(broken.get("globalIndex").asLong()).as(report.toString()).isEqualTo(globalIndex);
        assertThat(broken.get("eventIdentifier").asText()).as(report.toString()).isEqualTo(eventId);
        assertThat(broken.get("reason").asText()).isEqualTo(reason);
        return offline;
    }

    /** What only a superuser can do: switch the append-only triggers off, change history, switch them on. */
    private void tamper(String sql, Object... args) {
        jdbc.execute("alter table domain_event_entry disable trigger user");
        try {
            assertThat(jdbc.update(sql, args)).isPositive();
        } finally {
            jdbc.execute("alter table domain_event_entry enable trigger user");
        }
    }

    private static long index(Map<String, Object> event) {
        return ((Number) event.get("global_index")).longValue();
    }

    private static String id(Map<String, Object> event) {
        return (String) event.get("event_identifier");
    }

    private JsonNode integrity() {
        Api.Response r = api.as("auditor").get("/api/audit/integrity");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Path download(String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/audit/bundle")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        Path file = dir.resolve(name);
        HttpResponse<Path> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(file));
        if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + Files.readString(file));
        return file;
    }
}
