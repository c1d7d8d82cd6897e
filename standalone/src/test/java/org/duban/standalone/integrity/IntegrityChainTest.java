package org.duban.standalone.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity chain over the event store (ARCHITECTURE.md "Integrity"): the maintainer chains
 * every event, verification answers ok, and each kind of tampering a superuser could do behind the
 * append-only trigger is caught at the right event. Each test runs the app on its own database.
 */
class IntegrityChainTest {
    private ConfigurableApplicationContext app;
    private Api api;
    private JdbcTemplate jdbc;
    /** The events in global order once all are chained. */
    private List<Map<String, Object>> events;

    @BeforeEach
    void start() {
        app = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class), TestDatabase.newDatabase(),
                Clock.systemUTC(), "--duban.integrity.interval=200ms", "--duban.integrity.gap-grace=1s",
                "--duban.recurrence.look-back-days=0");
        api = Apps.api(app);
        jdbc = app.getBean(JdbcTemplate.class);
        for (int i = 0; i < 4; i++) {
            Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", "完整性事项 " + i,
                    "description", "测试描述", "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        awaitAllChained();
        events = jdbc.queryForList("select global_index, event_identifier from domain_event_entry order by global_index");
        assertThat(events).hasSizeGreaterThanOrEqualTo(4);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void an_untouched_store_verifies_and_only_auditors_and_admins_may_ask() {
        JsonNode report = integrity();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("verifiedEvents").asLong()).isEqualTo(events.size());
        assertThat(report.get("unchainedEvents").asLong()).isZero();
        assertThat(report.get("firstBrokenAt").isNull()).isTrue();
        String head = jdbc.queryForObject("select encode(hash, 'hex') from event_chain order by global_index desc limit 1",
                String.class);
        assertThat(report.get("headHash").asText()).isEqualTo(head).hasSize(64);

        assertThat(api.as("admin").get("/api/audit/integrity").status()).isEqualTo(200);
        Api.Response inspector = api.as("inspector").get("/api/audit/integrity");
        assertThat(inspector.status()).isEqualTo(403);
        assertThat(inspector.code()).isEqualTo("FORBIDDEN");
        assertThat(api.anonymous().get("/api/audit/integrity").status()).isEqualTo(401);
    }

    @Test
    void an_altered_payload_byte_breaks_the_chain_at_that_event() {
        Map<String, Object> target = events.get(1);
        tamper("update domain_event_entry set payload = set_byte(payload, 0, get_byte(payload, 0) # 1) where global_index = ?",
                target.get("global_index"));
        assertBrokenAt(target, "PAYLOAD_OR_METADATA_ALTERED");
    }

    @Test
    void a_deleted_row_breaks_the_chain_at_its_index() {
        Map<String, Object> target = events.get(2);
        tamper("delete from domain_event_entry where global_index = ?", target.get("global_index"));
        assertBrokenAt(target, "ROW_MISSING");
    }

    @Test
    void two_swapped_rows_break_the_chain_at_the_first_of_them() {
        Map<String, Object> first = events.get(1);
        Map<String, Object> second = events.get(3);
        long a = ((Number) first.get("global_index")).longValue();
        long b = ((Number) second.get("global_index")).longValue();
        tamper("update domain_event_entry set global_index = ? where global_index = ?", -a, a);
        tamper("update domain_event_entry set global_index = ? where global_index = ?", a, b);
        tamper("update domain_event_entry set global_index = ? where global_index = ?", b, -a);
        JsonNode broken = assertBroken();
        assertThat(broken.get("globalIndex").asLong()).isEqualTo(a);
        assertThat(broken.get("eventIdentifier").asText()).as("the row now found there").isEqualTo(second.get("event_identifier"));
        assertThat(broken.get("reason").asText()).isEqualTo("EXTRA_OR_REORDERED_ROW");
    }

    @Test
    void a_truncated_tail_breaks_the_chain_at_the_first_missing_index() {
        Map<String, Object> firstGone = events.get(events.size() - 2);
        tamper("delete from domain_event_entry where global_index >= ?", firstGone.get("global_index"));
        assertBrokenAt(firstGone, "TRUNCATED_TAIL");
    }

    @Test
    void a_hole_in_the_global_index_is_skipped_after_the_grace_period_and_still_verifies() {
        // A transaction that took an index and rolled back leaves a hole, as here.
        long hole = jdbc.queryForObject("select nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))",
                Long.class);
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", "空洞之后的事项",
                "description", "测试描述", "source", "HOTLINE", "category", "OTHER"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        awaitAllChained();
        assertThat(jdbc.queryForObject("select count(*) from event_chain where global_index = ?", Long.class, hole)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_chain where global_index > ?", Long.class, hole)).isPositive();
        JsonNode report = integrity();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("verifiedEvents").asLong()).isEqualTo(events.size() + 1L);
    }

    private void assertBrokenAt(Map<String, Object> event, String reason) {
        JsonNode broken = assertBroken();
        assertThat(broken.get("globalIndex").asLong()).isEqualTo(((Number) event.get("global_index")).longValue());
        assertThat(broken.get("eventIdentifier").asText()).isEqualTo(event.get("event_identifier"));
        assertThat(broken.get("reason").asText()).isEqualTo(reason);
    }

    private JsonNode assertBroken() {
        JsonNode report = integrity();
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("firstBrokenAt").isObject()).as(report.toString()).isTrue();
        return report.get("firstBrokenAt");
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

    private JsonNode integrity() {
        Api.Response r = api.as("auditor").get("/api/audit/integrity");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private void awaitAllChained() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Long chained = jdbc.queryForObject("select count(*) from event_chain", Long.class);
            if (events != null && events >= 4 && events.equals(chained)) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("events were not all chained within 20 s");
    }
}
