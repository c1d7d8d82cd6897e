package org.duban.standalone.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 7: replaying a projection rebuilds it beside the live one while commands keep coming,
 * and the switch neither loses nor repeats an event; who may replay, and what is refused.
 */
class ProjectionReplayTest extends ScenarioTest {
    private static final String LEDGER_ROWS = "select * from issue_ledger where issue_id = any(?::varchar[])";
    private static final String HISTORY_ROWS = "select * from issue_history where issue_id = any(?::varchar[])";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private Serializer serializer;
    @Autowired
    private TokenSchema tokenSchema;

    @Test
    void replays_ledger_and_history_under_live_traffic_and_the_result_equals_the_live_view() throws Exception {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = raise("重放前的问题 " + i);
            accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
            if (i % 2 == 0) accepted(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
            if (i % 3 == 0) accepted(api.as("committee").post("/api/issues/" + id + "/reviews", Map.of("comment", "点评 " + i)));
            before.add(id);
        }
        awaitCaughtUp("issue-ledger");
        awaitCaughtUp("issue-history");
        String[] beforeIds = before.toArray(String[]::new);
        // The live view as the live processors built it, row by row, every column.
        jdbc.execute("drop table if exists expected_ledger, expected_history");
        jdbc.update("create table expected_ledger as " + LEDGER_ROWS, (Object) beforeIds);
        jdbc.update("create table expected_history as " + HISTORY_ROWS, (Object) beforeIds);
        List<String> ledgerShapeBefore = shape("issue_ledger");
        List<String> historyShapeBefore = shape("issue_history");

        // Live traffic during the replay: new issues raised and walked; each write read back with minVersion.
        AtomicBoolean stop = new AtomicBoolean();
        List<String> during = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, Integer> seenStatuses = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        Thread traffic = Thread.ofPlatform().start(() -> recording(failures, () -> {
            int n = 0;
            while (!stop.get() || n < 5) {
                String id = raise("重放期间的问题 " + n++);
                during.add(id);
                long v = accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "INPATIENT_SERVICE")));
                Api.Response read = api.as("inspector").get("/api/issues/" + id + "?minVersion=" + v);
                if (read.status() != 200 || read.json().get("version").asLong() < v) failures.add("read-your-write " + read);
            }
        }));
        Thread reader = Thread.ofPlatform().start(() -> recording(failures, () -> {
            while (!stop.get()) {
                Api.Response list = api.as("inspector").get("/api/issues?size=5");
                if (list.status() != 200 || list.json().get("items").isEmpty() || list.json().get("totalItems").asLong() < before.size()) {
                    failures.add("list " + list);
                }
                Api.Response one = api.as("inspector").get("/api/issues/" + before.getFirst());
                if (one.status() != 200) failures.add("issue " + one);
                Api.Response history = api.as("inspector").get("/api/issues/" + before.getFirst() + "/history");
                if (history.status() != 200 || history.json().isEmpty()) failures.add("history " + history);
                reads.incrementAndGet();
            }
        }));

        Api.Response ledger = api.as("admin").post("/api/admin/projections/issue-ledger/replay", Map.of());
        assertThat(ledger.status()).as(ledger.toString()).isEqualTo(202);
        assertThat(ledger.json().get("name").asText()).isEqualTo("issue-ledger");
        assertThat(ledger.json().at("/replay/status").asText()).isIn("RUNNING", "SWITCHING", "SUCCEEDED");
        Api.Response history = api.as("admin").post("/api/admin/projections/issue-history/replay", Map.of());
        assertThat(history.status()).as(history.toString()).isEqualTo(202);

        JsonNode ledgerReplay = awaitReplayFinished("issue-ledger", seenStatuses);
        JsonNode historyReplay = awaitReplayFinished("issue-history", seenStatuses);
        stop.set(true);
        traffic.join(60_000);
        reader.join(60_000);
        System.out.println("replay test: " + during.size() + " issues raised and " + reads.get()
                + " read rounds while replaying; replay statuses seen: " + seenStatuses);

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        for (JsonNode replay : List.of(ledgerReplay, historyReplay)) {
            assertThat(replay.get("status").asText()).as(replay.toString()).isEqualTo("SUCCEEDED");
            assertThat(replay.get("error").isNull()).isTrue();
            assertThat(replay.get("percent").asDouble()).isEqualTo(100.0);
            assertThat(replay.get("events").asLong()).isGreaterThanOrEqualTo(before.size() * 2L);
            assertThat(replay.get("eventsPerSecond").asDouble()).isPositive();
        }
        awaitCaughtUp("issue-ledger");
        awaitCaughtUp("issue-history");

        // The rebuilt tables equal what the live processors had built, in every column of every row.
        jdbc.execute("drop table if exists actual_ledger, actual_history");
        jdbc.update("create table actual_ledger as " + LEDGER_ROWS, (Object) beforeIds);
        jdbc.update("create table actual_history as " + HISTORY_ROWS, (Object) beforeIds);
        assertThat(differences("expected_ledger", "actual_ledger")).isZero();
        assertThat(differences("expected_history", "actual_history")).isZero();
        assertThat(count("actual_ledger")).isEqualTo(before.size());
        assertThat(count("actual_history")).isEqualTo(jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = any(?::varchar[])", Long.class, (Object) beforeIds));
        // Same columns, constraints and index names as Flyway made them.
        assertThat(shape("issue_ledger")).isEqualTo(ledgerShapeBefore);
        assertThat(shape("issue_history")).isEqualTo(historyShapeBefore);
        // Nothing left behind.
        assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'replay%'", String.class)).isEmpty();

        // Commands sent during the replay: each event in both views exactly once, nothing lost.
        assertThat(during).hasSizeGreaterThanOrEqualTo(5);
        for (String id : during) {
            long events = eventCount(id);
            assertThat(jdbc.queryForObject("select version from issue_ledger where issue_id = ?", Long.class, id))
                    .as("ledger version of " + id).isEqualTo(events - 1);
            assertThat(jdbc.queryForObject("select status from issue_ledger where issue_id = ?", String.class, id))
                    .isEqualTo("ASSIGNED");
            assertThat(jdbc.queryForList("select sequence from issue_history where issue_id = ? order by sequence", Long.class, id))
                    .as("history of " + id).containsExactly(java.util.stream.LongStream.range(0, events).boxed().toArray(Long[]::new));
        }
        // Another node whose processor still holds a position from before the switch cannot store it:
        // the switch handed every segment to this node (DESIGN: multi-node), so the stale write is refused.
        JdbcTokenStore otherNode = JdbcTokenStore.builder().connectionProvider(dataSource::getConnection)
                .serializer(serializer).schema(tokenSchema).contentType(byte[].class).nodeId("other-node").build();
        assertThatThrownBy(() -> otherNode.storeToken(GapAwareTrackingToken.newInstance(1, List.of()), "issue-ledger", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(jdbc.queryForList("select distinct owner from token_entry where processor_name = 'issue-ledger'", String.class))
                .doesNotContain("other-node");

        // And the live processors carry on in the new tables after the switch.
        String after = raise("重放之后的问题");
        long v = accepted(api.as("inspector").post("/api/issues/" + after + "/assignment", Map.of("department", "PHARMACY")));
        assertThat(api.as("inspector").get("/api/issues/" + after + "?minVersion=" + v).json().get("status").asText()).isEqualTo("ASSIGNED");
        jdbc.execute("drop table expected_ledger, expected_history, actual_ledger, actual_history");
    }

    @Test
    void replays_views_whose_tables_have_foreign_keys_to_the_same_rows_and_the_same_schema() {
        String issue = raise("通报与督查的问题");
        Api.Response drafted = api.as("committee").post("/api/bulletins", Map.of("title", "重放通报", "period", "2026-10"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String bulletin = drafted.json().get("id").asText();
        accepted(api.as("committee").post("/api/bulletins/" + bulletin + "/entries", Map.of("issueId", issue,
                "kind", "CRITICISM", "text", "重放测试条目", "department", "PHARMACY")));
        Api.Response round = api.as("inspector").post("/api/inspection-rounds", Map.of("title", "重放督查", "kind", "PLANNED",
                "plannedDate", java.time.LocalDate.now().toString(), "departments", List.of("PHARMACY")));
        assertThat(round.status()).as(round.toString()).isEqualTo(201);
        Api.Response finding = api.as("inspector").post("/api/inspection-rounds/" + round.json().get("id").asText() + "/findings",
                Map.of("title", "重放发现", "description", "d", "category", "OTHER", "department", "PHARMACY"));
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        Map<String, List<String>> views = Map.of(
                "bulletin-view", List.of("bulletin", "bulletin_entry", "bulletin_issue_title"),
                "inspection-view", List.of("inspection_round", "inspection_finding", "inspection_issue"));
        for (String view : views.keySet()) awaitCaughtUp(view);
        assertThat(count("bulletin_entry")).isPositive();
        assertThat(count("inspection_finding")).isPositive();
        Map<String, List<String>> shapes = new java.util.HashMap<>();
        views.values().forEach(tables -> tables.forEach(t -> {
            shapes.put(t, shape(t));
            jdbc.execute("drop table if exists expected_" + t);
            jdbc.execute("create table expected_" + t + " as select * from " + t);
        }));

        for (String view : views.keySet()) {
            assertThat(api.as("admin").post("/api/admin/projections/" + view + "/replay", Map.of()).status()).isEqualTo(202);
            assertThat(awaitReplayFinished(view, new ConcurrentHashMap<>()).get("status").asText()).as(view).isEqualTo("SUCCEEDED");
        }

        views.values().forEach(tables -> tables.forEach(t -> {
            assertThat(shape(t)).as(t).isEqualTo(shapes.get(t));
            assertThat(differences("expected_" + t, t)).as(t).isZero();
            jdbc.execute("drop table expected_" + t);
        }));
        // The foreign keys point at the new parent tables: a child row without a parent is refused.
        assertThatThrownBy(() -> jdbc.update("insert into bulletin_entry (bulletin_id, position, entry_id, issue_id, kind, text)"
                + " values ('no-such-bulletin', 0, 'e', 'i', 'CRITICISM', 't')"))
                .hasMessageContaining("bulletin_entry_bulletin_id_fkey");
        assertThat(api.as("committee").get("/api/bulletins/" + bulletin).status()).isEqualTo(200);
    }

    @Test
    void a_replay_that_cannot_switch_safely_fails_and_leaves_the_live_view_and_processor_as_they_were() {
        // A view on a live table would follow it out of public at the switch and be dropped with it.
        jdbc.execute("create or replace view policy_versions_seen as select policy_id, version from deadline_policy_version");
        try {
            Api.Response started = api.as("admin").post("/api/admin/projections/deadline-policy-view/replay", Map.of());
            assertThat(started.status()).isEqualTo(202);
            JsonNode replay = awaitReplayFinished("deadline-policy-view", new ConcurrentHashMap<>());
            assertThat(replay.get("status").asText()).isEqualTo("FAILED");
            assertThat(replay.get("error").asText()).contains("policy_versions_seen");
            assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'replay_deadline%'")).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from pg_views where viewname = 'policy_versions_seen'", Long.class))
                    .isEqualTo(1);
            JsonNode processor = projection(api.as("admin").get("/api/admin/projections").json(), "deadline-policy-view");
            assertThat(processor.get("runningHere").asBoolean()).isTrue();
        } finally {
            jdbc.execute("drop view policy_versions_seen");
        }
    }

    @Test
    void a_switch_blocked_by_an_old_reader_gives_up_after_the_lock_timeout_and_tries_again() throws Exception {
        java.util.Set<Object> attempts = new java.util.HashSet<>();
        try (java.sql.Connection oldReader = dataSource.getConnection()) {
            oldReader.setAutoCommit(false);
            try (var statement = oldReader.createStatement()) {
                statement.execute("select count(*) from calendar_day_change"); // holds its lock until the transaction ends
            }
            assertThat(api.as("admin").post("/api/admin/projections/calendar-view/replay", Map.of()).status()).isEqualTo(202);
            long deadline = System.nanoTime() + 60_000_000_000L;
            // Each attempt is its own transaction waiting for the table; two of them means the first timed out.
            while (attempts.size() < 2 && System.nanoTime() < deadline) {
                attempts.addAll(jdbc.queryForList("""
                        select a.xact_start from pg_locks l join pg_stat_activity a on a.pid = l.pid
                        where l.relation = 'public.calendar_day_change'::regclass and not l.granted""", Object.class));
                pause();
            }
            oldReader.rollback();
        }
        assertThat(attempts).hasSize(2);
        assertThat(awaitReplayFinished("calendar-view", new ConcurrentHashMap<>()).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void lists_every_processor_with_its_position_and_lag() {
        String id = raise("位置");
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        JsonNode ledger = awaitCaughtUp("issue-ledger");
        JsonNode overview = api.as("admin").get("/api/admin/projections").json();
        long head = overview.get("head").asLong();
        assertThat(head).isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(ledger.get("replayable").asBoolean()).isTrue();
        assertThat(ledger.get("runningHere").asBoolean()).isTrue();
        assertThat(texts(ledger.get("tables"))).containsExactly("issue_ledger");
        assertThat(ledger.get("segments")).hasSize(4);
        assertThat(ledger.get("position").asLong()).isLessThanOrEqualTo(head);
        JsonNode notifications = projection(overview, "notifications");
        assertThat(notifications.get("replayable").asBoolean()).isFalse();
        assertThat(notifications.get("notReplayableBecause").asText()).contains("e-mails");
        for (String group : List.of("issue-history", "bulletin-view", "governance-view", "inspection-view", "calendar-view",
                "deadline-policy-view")) {
            assertThat(projection(overview, group).get("replayable").asBoolean()).as(group).isTrue();
        }
    }

    @Test
    void a_replay_is_for_admin_only_and_unknown_or_running_replays_are_refused() {
        assertThat(api.anonymous().get("/api/admin/projections").status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/admin/projections/issue-ledger/replay", Map.of()).status()).isEqualTo(401);
        for (String user : List.of("committee", "inspector", "pharmacy", "auditor")) {
            Api.Response list = api.as(user).get("/api/admin/projections");
            assertThat(list.status()).as(user).isEqualTo(403);
            assertThat(list.code()).isEqualTo("FORBIDDEN");
            assertThat(api.as(user).post("/api/admin/projections/issue-ledger/replay", Map.of()).status()).as(user).isEqualTo(403);
        }
        Api.Response unknown = api.as("admin").post("/api/admin/projections/no-such-view/replay", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        Api.Response notifications = api.as("admin").post("/api/admin/projections/notifications/replay", Map.of());
        assertThat(notifications.status()).isEqualTo(404);
        assertThat(notifications.json().get("detail").asText()).contains("e-mails");

        // A replay running elsewhere (another node's row, heart beating) refuses a second one.
        jdbc.update("delete from projection_replay where name = 'calendar-view'");
        jdbc.update("""
                insert into projection_replay (name, run_id, status, node, started_at, heartbeat_at)
                values ('calendar-view', 'other-node-run', 'RUNNING', 'other-node', now(), now())""");
        Api.Response running = api.as("admin").post("/api/admin/projections/calendar-view/replay", Map.of());
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.code()).isEqualTo("REPLAY_RUNNING");
        assertThat(jdbc.queryForObject("select run_id from projection_replay where name = 'calendar-view'", String.class))
                .isEqualTo("other-node-run");
        assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname = 'replay_calendar_view'")).isEmpty();
        JsonNode shown = projection(api.as("admin").get("/api/admin/projections").json(), "calendar-view").get("replay");
        assertThat(shown.get("status").asText()).isEqualTo("RUNNING");
        assertThat(shown.get("node").asText()).isEqualTo("other-node");

        // A node that stopped beating (it died mid-replay) no longer blocks: its run is taken over.
        jdbc.update("update projection_replay set heartbeat_at = now() - interval '10 minutes' where name = 'calendar-view'");
        Api.Response takeover = api.as("admin").post("/api/admin/projections/calendar-view/replay", Map.of());
        assertThat(takeover.status()).as(takeover.toString()).isEqualTo(202);
        assertThat(awaitReplayFinished("calendar-view", new ConcurrentHashMap<>()).get("status").asText()).isEqualTo("SUCCEEDED");

        // Two at once on this node: one of them is refused while the other runs.
        Api.Response first = api.as("admin").post("/api/admin/projections/issue-history/replay", Map.of());
        assertThat(first.status()).isEqualTo(202);
        jdbc.update("update projection_replay set heartbeat_at = now() where name = 'issue-history'");
        if (!"SUCCEEDED".equals(projection(api.as("admin").get("/api/admin/projections").json(), "issue-history")
                .at("/replay/status").asText())) {
            // Still running (the usual case): a second request is refused.
            Api.Response second = api.as("admin").post("/api/admin/projections/issue-history/replay", Map.of());
            assertThat(second.status()).isIn(202, 409);
            if (second.status() == 409) assertThat(second.code()).isEqualTo("REPLAY_RUNNING");
        }
        assertThat(awaitReplayFinished("issue-history", new ConcurrentHashMap<>()).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    /** Runs {@code body}, recording whatever it throws as a failure of the test thread's assertions. */
    private static void recording(List<String> failures, Runnable body) {
        try {
            body.run();
        } catch (Throwable e) {
            failures.add(e.toString());
        }
    }

    private JsonNode awaitReplayFinished(String name, Map<String, Integer> seen) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode replay = projection(api.as("admin").get("/api/admin/projections").json(), name).get("replay");
            String status = replay.get("status").asText();
            seen.merge(name + ":" + status, 1, Integer::sum);
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) return replay;
            pause();
        }
        throw new AssertionError("replay of " + name + " did not finish");
    }

    /** Waits until every segment of the processor has passed the head of the store; returns its row. */
    private JsonNode awaitCaughtUp(String name) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode row = null;
        while (System.nanoTime() < deadline) {
            JsonNode overview = api.as("admin").get("/api/admin/projections").json();
            row = projection(overview, name);
            if (row.get("lag").isNumber() && row.get("lag").asLong() == 0) return row;
            pause();
        }
        throw new AssertionError(name + " did not catch up: " + row);
    }

    private static JsonNode projection(JsonNode overview, String name) {
        for (JsonNode p : overview.get("projections")) {
            if (p.get("name").asText().equals(name)) return p;
        }
        throw new AssertionError("no projection " + name + " in " + overview);
    }

    private long differences(String a, String b) {
        Long ab = jdbc.queryForObject("select count(*) from (select * from " + a + " except all select * from " + b + ") d", Long.class);
        Long ba = jdbc.queryForObject("select count(*) from (select * from " + b + " except all select * from " + a + ") d", Long.class);
        return (ab == null ? 0 : ab) + (ba == null ? 0 : ba);
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    /** Columns (name, type, default, nullability), constraints and indexes by name and definition. */
    private List<String> shape(String table) {
        List<String> shape = new ArrayList<>(jdbc.queryForList("""
                select column_name || ' ' || data_type || ' ' || coalesce(column_default, '') || ' ' || is_nullable
                from information_schema.columns where table_schema = 'public' and table_name = ? order by ordinal_position""",
                String.class, table));
        shape.addAll(jdbc.queryForList("""
                select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                where conrelid = ('public.' || ?)::regclass order by conname""", String.class, table));
        shape.addAll(jdbc.queryForList("select indexname || ' ' || indexdef from pg_indexes where schemaname = 'public' and tablename = ? order by indexname",
                String.class, table));
        return shape;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
