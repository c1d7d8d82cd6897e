package org.duban.standalone.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crypto-shredding over HTTP (DOMAIN.md "Personal data", API.md POST /api/subjects/{id}/erasure):
 * ADMIN erases a complainant; afterwards every view shows the complainant as erased, the key row
 * keeps no secret, no table holds the plain text or (outside the untouched events) the ciphertext,
 * and the integrity chain still verifies with one event more. Refusals append nothing. Runs the
 * app on its own database, so the event counts are exactly this test's.
 */
class ErasureTest {
    private static final String NAME = "欧阳删除";
    private static final String PHONE = "13655550001";
    private static final String ID_NUMBER = "110101199203035678";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class), TestDatabase.newDatabase(),
                Clock.systemUTC(), "--duban.integrity.interval=200ms", "--duban.integrity.gap-grace=1s",
                "--duban.recurrence.look-back-days=0");
        api = Apps.api(app);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void an_erased_complainant_is_gone_from_every_view_and_table_while_the_chain_still_verifies() throws Exception {
        String id = raise("隐私删除事项", NAME, PHONE, ID_NUMBER);
        String other = raise("另一位投诉人", "赵保留", "13711112222", "110101197707074321");
        long v = accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        accepted(api.as("inspector").post("/api/issues/" + other + "/assignment", Map.of("department", "PHARMACY")));

        // before: plain for the inspector, masked for the department, the subject id for inspector and admin only
        JsonNode plain = api.as("inspector").get("/api/issues/" + id + "?minVersion=" + v).json().get("complainant");
        String subject = plain.get("subjectId").asText();
        assertThat(UUID.fromString(subject).toString()).isEqualTo(subject);
        assertThat(plain.get("name").asText()).isEqualTo(NAME);
        assertThat(plain.get("phone").asText()).isEqualTo(PHONE);
        assertThat(plain.get("idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(plain.get("erased").asBoolean()).isFalse();
        JsonNode masked = api.as("pharmacy").get("/api/issues/" + id + "?minVersion=" + v).json().get("complainant");
        assertThat(masked.get("name").asText()).isEqualTo("欧***");
        assertThat(masked.get("phone").asText()).isEqualTo("136****0001");
        assertThat(masked.get("subjectId").isNull()).as("departments are not told the subject").isTrue();
        assertThat(masked.get("erased").asBoolean()).isFalse();
        JsonNode forAdmin = api.as("admin").get("/api/issues/" + id + "?minVersion=" + v).json().get("complainant");
        assertThat(forAdmin.get("subjectId").asText()).isEqualTo(subject);
        assertThat(forAdmin.get("name").asText()).as("ADMIN may not read personal data").isEqualTo("欧***");

        String ciphertexts = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%IssueRaised'""", String.class, id);
        JsonNode sealed = JSON.readTree(ciphertexts).get("complainant");
        List<String> sealedValues = List.of(sealed.get("name").asText(), sealed.get("phone").asText(), sealed.get("idNumber").asText());
        String otherSealedName = JSON.readTree(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%IssueRaised'""", String.class, other)).at("/complainant/name").asText();

        Instant beforeErasure = Instant.now();
        long events = awaitAllChained();
        JsonNode integrityBefore = integrity();
        assertThat(integrityBefore.get("ok").asBoolean()).as(integrityBefore.toString()).isTrue();
        assertThat(integrityBefore.get("verifiedEvents").asLong()).isEqualTo(events);

        // refusals change nothing
        refused(api.as("inspector").post("/api/subjects/" + subject + "/erasure", Map.of("reason", "申请")), 403, "FORBIDDEN");
        refused(api.as("auditor").post("/api/subjects/" + subject + "/erasure", Map.of("reason", "申请")), 403, "FORBIDDEN");
        refused(api.anonymous().post("/api/subjects/" + subject + "/erasure", Map.of("reason", "申请")), 401, "UNAUTHENTICATED");
        refused(api.as("admin").post("/api/subjects/" + subject + "/erasure", Map.of()), 400, "VALIDATION_FAILED");
        refused(api.as("admin").post("/api/subjects/" + subject + "/erasure", Map.of("reason", "   ")), 400, "VALIDATION_FAILED");
        refused(api.as("admin").post("/api/subjects/" + UUID.randomUUID() + "/erasure", Map.of("reason", "申请")), 404, "SUBJECT_NOT_FOUND");
        refused(api.as("admin").post("/api/subjects/not-a-subject/erasure", Map.of("reason", "申请")), 404, "SUBJECT_NOT_FOUND");
        refused(api.as("admin").post("/api/subjects/" + id + "/erasure", Map.of("reason", "申请")), 404, "SUBJECT_NOT_FOUND");
        assertThat(eventCount()).as("refusals append no event").isEqualTo(events);
        assertThat(liveKey(subject)).as("refusals keep the key").isTrue();

        // the erasure
        Api.Response erased = api.as("admin").post("/api/subjects/" + subject.toUpperCase() + "/erasure",
                Map.of("reason", "投诉人依法申请删除个人信息（工单 12345-0099）"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("id").asText()).isEqualTo(subject);
        assertThat(erased.json().get("version").asLong()).isZero();
        assertThat(eventCount()).isEqualTo(events + 1);
        Map<String, Object> key = jdbc.queryForMap("select secret, erased_at, erasure_reason from personal_data_key where subject_id = ?::uuid",
                subject);
        assertThat(key.get("secret")).isNull();
        assertThat(key.get("erased_at")).isNotNull();
        assertThat(key.get("erasure_reason")).isEqualTo("投诉人依法申请删除个人信息（工单 12345-0099）");
        Map<String, Object> event = jdbc.queryForMap("""
                select payload_type, convert_from(payload, 'UTF8') as payload from domain_event_entry
                where aggregate_identifier = ?""", subject);
        assertThat(event.get("payload_type")).isEqualTo("org.duban.api.personaldata.SubjectErased");
        assertThat(JSON.readTree((String) event.get("payload")).properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("subjectId", "reason");
        assertThat(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%IssueRaised'""", String.class, id))
                .as("the event itself stays as it was").isEqualTo(ciphertexts);

        // every view, for every role, now and as of before the erasure
        awaitTrue(() -> jdbc.queryForObject("""
                        select count(*) from issue_ledger where state->'complainant'->>'subjectId' = ? and state->'complainant'->>'name' is null""",
                Long.class, subject) == 1, "the ledger row is shredded");
        awaitTrue(() -> jdbc.queryForObject("""
                        select count(*) from issue_history where payload->'complainant'->>'subjectId' = ? and payload->'complainant'->>'name' is null""",
                Long.class, subject) == 1, "the history row is shredded");
        for (String user : List.of("inspector", "committee", "auditor", "admin", "pharmacy")) {
            assertErased(api.as(user).get("/api/issues/" + id).json().get("complainant"), user, subject);
            assertErased(api.as(user).get("/api/issues/" + id + "?asOf=" + beforeErasure).json().get("complainant"), user, subject);
        }
        JsonNode history = api.as("auditor").get("/api/issues/" + id + "/history").json();
        assertThat(history.get(0).at("/data/complainant/erased").asBoolean()).as(history.toString()).isTrue();
        assertThat(history.get(0).at("/data/complainant/subjectId").asText()).isEqualTo(subject);
        JsonNode otherComplainant = api.as("inspector").get("/api/issues/" + other).json().get("complainant");
        assertThat(otherComplainant.get("name").asText()).as("another subject keeps its data").isEqualTo("赵保留");
        assertThat(otherComplainant.get("erased").asBoolean()).isFalse();

        // no table holds the plain text; the ciphertext only in the untouched event
        for (String plainText : List.of(NAME, PHONE, ID_NUMBER)) {
            assertThat(tablesContaining(plainText)).as("tables holding " + plainText).isEmpty();
        }
        for (String c : sealedValues) {
            assertThat(tablesContaining(c)).as("read-model tables holding the erased ciphertext").isEmpty();
        }
        assertThat(tablesContaining(otherSealedName)).as("the scan finds what is there").contains("issue_ledger.state");

        // the chain still verifies, with the erasure as one event more
        assertThat(awaitAllChained()).isEqualTo(events + 1);
        JsonNode integrityAfter = integrity();
        assertThat(integrityAfter.get("ok").asBoolean()).as(integrityAfter.toString()).isTrue();
        assertThat(integrityAfter.get("verifiedEvents").asLong()).isEqualTo(events + 1);

        // erasure is once
        refused(api.as("admin").post("/api/subjects/" + subject + "/erasure", Map.of("reason", "再次申请")), 409, "ALREADY_ERASED");
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(jdbc.queryForObject("select erasure_reason from personal_data_key where subject_id = ?::uuid", String.class, subject))
                .isEqualTo("投诉人依法申请删除个人信息（工单 12345-0099）");
    }

    @Test
    void the_key_is_destroyed_only_together_with_the_appended_event() {
        String id = raise("事务一致性事项", "钱事务", "13822223333", "110101198505056789");
        String subject = api.as("inspector").get("/api/issues/" + id + "?minVersion=0").json().at("/complainant/subjectId").asText();
        long before = eventCount();

        // the append fails (a test-only trigger refuses the event row): the key destruction rolls back with it
        jdbc.execute("""
                create function refuse_subject_erased() returns trigger language plpgsql as $$
                begin raise exception 'test refuses SubjectErased'; end; $$""");
        jdbc.execute("""
                create trigger refuse_subject_erased before insert on domain_event_entry for each row
                when (new.payload_type like '%SubjectErased') execute function refuse_subject_erased()""");
        try {
            Api.Response failed = api.as("admin").post("/api/subjects/" + subject + "/erasure", Map.of("reason", "申请删除"));
            assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.execute("drop trigger refuse_subject_erased on domain_event_entry");
            jdbc.execute("drop function refuse_subject_erased()");
        }
        assertThat(eventCount()).isEqualTo(before);
        assertThat(liveKey(subject)).as("the key survives a failed append").isTrue();
        assertThat(jdbc.queryForObject("select erased_at is null from personal_data_key where subject_id = ?::uuid", Boolean.class, subject))
                .isTrue();
        assertThat(api.as("inspector").get("/api/issues/" + id).json().at("/complainant/name").asText()).isEqualTo("钱事务");

        // two erasures at once: exactly one wins, the other is refused, one event
        List<Api.Response> answers = java.util.stream.IntStream.range(0, 2).parallel()
                .mapToObj(i -> api.as("admin").post("/api/subjects/" + subject + "/erasure", Map.of("reason", "并发申请 " + i)))
                .toList();
        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(liveKey(subject)).isFalse();
    }

    private static void assertErased(JsonNode complainant, String user, String subject) {
        assertThat(complainant.get("erased").asBoolean()).as(user + ": " + complainant).isTrue();
        assertThat(complainant.get("name").isNull()).as(user).isTrue();
        assertThat(complainant.get("phone").isNull()).as(user).isTrue();
        assertThat(complainant.get("idNumber").isNull()).as(user).isTrue();
        if (user.equals("pharmacy")) assertThat(complainant.get("subjectId").isNull()).isTrue();
        else assertThat(complainant.get("subjectId").asText()).as(user).isEqualTo(subject);
    }

    /** "table.column" of every text, varchar, json(b) or array column, in any table, whose value contains {@code needle}. */
    private static List<String> tablesContaining(String needle) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')""");
        assertThat(columns).hasSizeGreaterThan(20);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            Long hits = jdbc.queryForObject("select count(*) from \"" + table + "\" where strpos(\"" + column + "\"::text, ?) > 0",
                    Long.class, needle);
            if (hits != null && hits > 0) found.add(table + "." + column);
        }
        // bytea outside the event store (tokens, keys, checkpoints), read as text
        for (Map<String, Object> c : jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema() and data_type = 'bytea' and table_name <> 'domain_event_entry'""")) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            Long hits = jdbc.queryForObject("select count(*) from \"" + table + "\" where position(? in \"" + column + "\") > 0",
                    Long.class, needle.getBytes(StandardCharsets.UTF_8));
            if (hits != null && hits > 0) found.add(table + "." + column);
        }
        return found;
    }

    private static String raise(String title, String name, String phone, String idNumber) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "测试描述",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE",
                "complainant", Map.of("name", name, "phone", phone, "idNumber", idNumber)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static long accepted(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("version").asLong();
    }

    private static void refused(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

    private static boolean liveKey(String subject) {
        return jdbc.queryForObject("select secret is not null from personal_data_key where subject_id = ?::uuid", Boolean.class, subject);
    }

    private static long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static JsonNode integrity() {
        Api.Response r = api.as("auditor").get("/api/audit/integrity");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** Waits until every event is chained; answers their number. */
    private static long awaitAllChained() {
        long[] count = new long[1];
        awaitTrue(() -> {
            count[0] = eventCount();
            return count[0] > 0 && jdbc.queryForObject("select count(*) from event_chain", Long.class) == count[0];
        }, "all events chained");
        return count[0];
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + ": not within 20 s");
    }
}
