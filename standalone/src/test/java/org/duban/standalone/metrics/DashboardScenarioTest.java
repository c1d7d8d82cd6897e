package org.duban.standalone.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.duban.api.issue.FeedbackRecorded;
import org.duban.api.issue.IssueClosed;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issue.IssueId;
import org.duban.api.issue.Satisfaction;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.MetricsApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.duban.standalone.support.MetricsApp.beijing;

/**
 * The dashboard on a small scenario computed by hand (March 2026, Beijing, no holidays), now and
 * as the system knew it at T = Fri 13 March 12:00. Today's answer and T's differ exactly by what
 * was recorded after T: B closed late, G reopened by a recurrence, a return visit on A, D escalated,
 * and H — back-filled on the 17th with business time the 10th, before T — which T must not show.
 * <pre>
 * issue  source      owner      story (record time)                                         now (20 Mar)
 * A      HOTLINE     PHARMACY   ack 2nd, closed 3rd, all five loop stages, effective 5th      EFFECTIVE
 * B      HOTLINE     PHARMACY   ack 4th (late, due 3rd), closed 16th (late, due 11th)         CLOSED
 * C      HOTLINE     INPATIENT  assigned, never acknowledged, due 11th                         ASSIGNED, 9 days overdue
 * D      HOTLINE     INPATIENT  ack 2nd, extension to 20th approved, YELLOW on 18th           IN_PROGRESS
 * E      HOTLINE     –          withdrawn 2nd                                                  WITHDRAWN
 * F      INSPECTION  PHARMACY   ack 2nd, on hold 4th                                           IN_PROGRESS (held)
 * G      HOTLINE     PHARMACY   ack 2nd, closed 9th (on time), recurred 16th                   REOPENED, due 25th
 * H      HOTLINE     INPATIENT  recorded 17th, occurred 10th, assigned, due 19th               ASSIGNED, 1 day overdue
 * return visits: A 5th (contacted, resolved, 满意), D 6th (–, –, 不满意), B 10th (contacted, –, 基本满意),
 *                A 18th (contacted, resolved, 满意)
 * </pre>
 */
class DashboardScenarioTest {
    private static final String T = beijing("2026-03-13T12:00").toString();
    private static MetricsApp app;
    private static Api api;
    private static String a, b, c, d, e, f, g, h;

    @BeforeAll
    static void scenario() {
        app = new MetricsApp("2026-03-02T09:00");
        api = app.api;
        app.at("2026-03-02T09:00");
        a = app.raise("指标A 门诊药房排队", "HOTLINE", null);
        b = app.raise("指标B 药品短缺", "HOTLINE", null);
        c = app.raise("指标C 住院押金退费慢", "HOTLINE", null);
        d = app.raise("指标D 住院餐食", "HOTLINE", null);
        e = app.raise("指标E 重复投诉", "HOTLINE", null);
        f = app.raise("指标F 暗访发现药柜未上锁", "INSPECTION", null);
        g = app.raise("指标G 取药窗口态度", "HOTLINE", null);
        for (String id : List.of(a, b, f, g)) assign(id, "PHARMACY");
        for (String id : List.of(c, d)) assign(id, "INPATIENT_SERVICE");
        for (String id : List.of(a, f, g)) app.ok(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
        app.ok(api.as("inpatient").post("/api/issues/" + d + "/acknowledgement", Map.of()));

        app.at("2026-03-02T10:00");
        app.ok(api.as("committee").post("/api/issues/" + a + "/reviews", Map.of("comment", "抓住了调配环节")));
        app.ok(api.as("inspector").post("/api/issues/" + e + "/withdrawal", Map.of("reason", "与另一来电重复")));

        app.at("2026-03-03T09:00");
        app.ok(api.as("inpatient").post("/api/issues/" + d + "/extension-requests",
                Map.of("requestedDueDate", "2026-03-20", "reason", "更换供餐单位")));
        app.ok(api.as("committee").post("/api/issues/" + d + "/extension-decisions", Map.of("approved", true)));
        close(a);
        app.ok(api.as("committee").post("/api/issues/" + a + "/assessments", Map.of("scores", Map.of("效果明显", 90))));
        notifyInBulletin(a);

        app.at("2026-03-04T09:00");
        app.ok(api.as("pharmacy").post("/api/issues/" + b + "/acknowledgement", Map.of()));
        app.ok(api.as("inspector").post("/api/issues/" + f + "/hold", Map.of("reason", "等待药监部门意见")));

        app.at("2026-03-05T09:00");
        feedback(a, true, true, "SATISFIED");
        app.ok(api.as("inspector").post("/api/issues/" + a + "/effectiveness-checks", Map.of("recurred", false, "note", "回头看无复发")));

        app.at("2026-03-06T09:00");
        feedback(d, false, false, "DISSATISFIED");

        app.at("2026-03-09T09:00");
        close(g);

        app.at("2026-03-10T09:00");
        feedback(b, true, false, "BASICALLY_SATISFIED");

        // ---- T = 2026-03-13T12:00: everything below was recorded after T ----
        app.at("2026-03-16T09:00");
        close(b);
        app.ok(api.as("inspector").post("/api/issues/" + g + "/effectiveness-checks", Map.of("recurred", true, "note", "同类投诉再次出现")));

        app.at("2026-03-17T09:00");
        h = app.raise("指标H 补录：住院结算窗口排队", "HOTLINE", beijing("2026-03-10T09:00"));
        assign(h, "INPATIENT_SERVICE");

        app.at("2026-03-18T09:00");
        feedback(a, true, true, "SATISFIED");
        app.ok(api.as("committee").post("/api/issues/" + d + "/escalations", Map.of("level", "YELLOW", "reason", "挂牌督办")));

        app.at("2026-03-20T10:00");
        app.awaitProjected();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void the_deadlines_the_hand_computation_rests_on() {
        assertThat(deadline(c, "acknowledgeDueDate")).isEqualTo("2026-03-03");
        assertThat(deadline(c, "dueDate")).isEqualTo("2026-03-11");
        assertThat(deadline(f, "acknowledgeDueDate")).isEqualTo("2026-03-04");
        assertThat(deadline(d, "dueDate")).isEqualTo("2026-03-20");
        assertThat(deadline(g, "dueDate")).isEqualTo("2026-03-25");
        // Back-filled: its deadlines count from its business time, the 10th.
        assertThat(deadline(h, "acknowledgeDueDate")).isEqualTo("2026-03-11");
        assertThat(deadline(h, "dueDate")).isEqualTo("2026-03-19");
    }

    @Test
    void today_every_count_and_rate_is_the_hand_computed_one() {
        JsonNode now = dashboard("inspector", "");
        assertThat(now.get("asOf").asBoolean()).isFalse();
        assertThat(now.get("knownAt").asText()).isEqualTo(beijing("2026-03-20T10:00").toString());
        // raised, open, overdue, closed, effective, reopened, withdrawn
        assertThat(counts(now.get("counts"))).containsExactly(8L, 5L, 2L, 2L, 1L, 1L, 1L);
        assertThat(ageing(now)).containsExactly(1L, 0L, 1L, 0L, 0L); // H 1 day, C 9 days
        assertThat(now.at("/overdueAgeing/0/label").asText()).isEqualTo("1–3天");
        assertThat(now.at("/overdueAgeing/4/label").asText()).isEqualTo("31天以上");
        JsonNode rates = now.get("rates");
        assertRate(rates, "onTimeAcknowledgement", 4.0 / 7); // A D F G on time; B late; C H due and not acknowledged; E withdrawn
        assertRate(rates, "onTimeClosure", 0.5);              // A on time, B late
        assertRate(rates, "effectiveness", 0.5);              // checks: A confirmed, G recurred
        assertRate(rates, "recurrence", 0.5);
        assertRate(rates, "loopCompleteness", 0.5);           // A all five, B rectification only
        assertRate(rates, "response", 3.0 / 4);
        assertRate(rates, "resolution", 2.0 / 4);
        assertRate(rates, "satisfaction", (2 + 0.9) / 4);
        assertRate(rates, "composite", 0.1 * 0.75 + 0.5 * 0.5 + 0.4 * 0.725);
        assertThat(now.at("/cycleTimeDays/median").asDouble()).isCloseTo(7.5, within(1e-9)); // A 1 day, B 14 days
        assertThat(now.at("/cycleTimeDays/p90").asDouble()).isCloseTo(1 + 0.9 * 13, within(1e-9));
        assertThat(now.get("extensionsPerIssue").asDouble()).isCloseTo(1.0 / 8, within(1e-9));
        assertThat(now.get("weightsVersion").asText()).isEqualTo("ranking-weights/0");

        JsonNode byDepartment = now.get("byDepartment");
        assertThat(byDepartment.findValuesAsText("department")).containsExactly("INPATIENT_SERVICE", "PHARMACY");
        JsonNode inpatient = byDepartment.get(0);
        assertThat(inpatient.get("name").asText()).isEqualTo("住院服务中心");
        assertThat(counts(inpatient.get("counts"))).containsExactly(3L, 3L, 2L, 0L, 0L, 0L, 0L);
        assertRate(inpatient.get("rates"), "onTimeAcknowledgement", 1.0 / 3); // D on time; C, H not acknowledged
        assertThat(inpatient.at("/rates/onTimeClosure").isNull()).as("nothing closed: no rate, not 0 %").isTrue();
        assertRate(inpatient.get("rates"), "composite", 0.0);
        JsonNode pharmacy = byDepartment.get(1);
        assertThat(counts(pharmacy.get("counts"))).containsExactly(4L, 2L, 0L, 2L, 1L, 1L, 0L);
        assertRate(pharmacy.get("rates"), "response", 1.0);
        assertRate(pharmacy.get("rates"), "resolution", 2.0 / 3);
        assertRate(pharmacy.get("rates"), "satisfaction", 2.9 / 3);
    }

    @Test
    void as_of_T_the_dashboard_differs_from_today_exactly_by_what_was_recorded_after_T() {
        // What was recorded after T: the events of B, G, H, A and D, nothing else.
        List<String> changedAfterT = app.jdbc.queryForList("""
                select distinct aggregate_identifier from domain_event_entry
                where type = 'Issue' and time_stamp > ? order by 1""", String.class, T);
        assertThat(changedAfterT).containsExactlyInAnyOrder(a, b, d, g, h);

        JsonNode then = dashboard("inspector", "asOf=" + T);
        assertThat(then.get("asOf").asBoolean()).isTrue();
        assertThat(then.get("knownAt").asText()).isEqualTo(T);
        // H is unknown at T; B open and 2 days overdue; G closed, not yet reopened.
        assertThat(counts(then.get("counts"))).containsExactly(7L, 4L, 2L, 2L, 1L, 0L, 1L);
        assertThat(ageing(then)).containsExactly(2L, 0L, 0L, 0L, 0L); // B and C, 2 days each
        JsonNode rates = then.get("rates");
        assertRate(rates, "onTimeAcknowledgement", 4.0 / 6);
        assertRate(rates, "onTimeClosure", 1.0);     // A and G, both on time
        assertRate(rates, "effectiveness", 1.0);     // A confirmed, no recurrence yet
        assertRate(rates, "recurrence", 0.0);
        assertRate(rates, "loopCompleteness", 0.5);
        assertRate(rates, "response", 2.0 / 3);       // visits of the 5th, 6th, 10th
        assertRate(rates, "resolution", 1.0 / 3);
        assertRate(rates, "satisfaction", 1.9 / 3);
        assertRate(rates, "composite", 0.1 * 2 / 3 + 0.5 / 3 + 0.4 * 1.9 / 3);
        assertThat(then.at("/cycleTimeDays/median").asDouble()).isCloseTo(4.0, within(1e-9)); // A 1 day, G 7 days
        assertThat(then.at("/cycleTimeDays/p90").asDouble()).isCloseTo(1 + 0.9 * 6, within(1e-9));
        assertThat(then.get("extensionsPerIssue").asDouble()).isCloseTo(1.0 / 7, within(1e-9));

        // Business time is not record time: H occurred on the 10th but was not known at T.
        JsonNode fromTenthNow = dashboard("inspector", "from=2026-03-10&to=2026-03-31");
        assertThat(fromTenthNow.at("/counts/raised").asLong()).isEqualTo(1);
        JsonNode fromTenthThen = dashboard("inspector", "from=2026-03-10&to=2026-03-31&asOf=" + T);
        assertThat(fromTenthThen.at("/counts/raised").asLong()).isZero();
        assertThat(fromTenthThen.at("/rates/onTimeClosure").isNull()).isTrue();
        // The period also bounds the return visits: the 10th's (B) only, as of T.
        assertThat(fromTenthThen.at("/rates/response").asDouble()).isEqualTo(1.0);
        assertThat(dashboard("inspector", "to=2026-03-09").at("/counts/raised").asLong()).isEqualTo(7);
        assertThat(dashboard("inspector", "source=INSPECTION").at("/counts/raised").asLong()).isEqualTo(1);
        assertThat(dashboard("inspector", "category=OTHER").at("/counts/raised").asLong()).isZero();
    }

    @Test
    void the_issue_list_as_of_T_shows_what_was_known_then() {
        JsonNode then = list("inspector", "asOf=" + T + "&size=50");
        assertThat(then.get("totalItems").asLong()).isEqualTo(7);
        assertThat(ids(then)).containsExactlyInAnyOrder(a, b, c, d, e, f, g);
        assertThat(item(then, g).get("status").asText()).isEqualTo("CLOSED");
        assertThat(item(then, b).get("overdue").asBoolean()).isTrue();
        assertThat(item(then, d).get("escalation").asText()).isEqualTo("NONE");
        assertThat(item(then, g).get("version").asLong()).isEqualTo(4);
        assertThat(ids(list("inspector", "asOf=" + T + "&overdue=true"))).containsExactlyInAnyOrder(b, c);
        assertThat(ids(list("inspector", "asOf=" + T + "&overdue=false&size=50"))).containsExactlyInAnyOrder(a, d, e, f, g);
        assertThat(ids(list("inspector", "asOf=" + T + "&status=CLOSED"))).containsExactly(g);
        assertThat(ids(list("inspector", "asOf=" + T + "&q=药品短缺"))).containsExactly(b);
        assertThat(ids(list("inpatient", "asOf=" + T))).containsExactlyInAnyOrder(c, d);
        JsonNode paged = list("inspector", "asOf=" + T + "&size=3&page=2");
        assertThat(paged.get("items")).hasSize(1);
        assertThat(paged.get("totalPages").asInt()).isEqualTo(3);

        // Today's list is the ledger's, unchanged: H is there, G reopened, D yellow.
        JsonNode now = list("inspector", "size=50");
        assertThat(now.get("totalItems").asLong()).isEqualTo(8);
        assertThat(item(now, g).get("status").asText()).isEqualTo("REOPENED");
        assertThat(item(now, d).get("escalation").asText()).isEqualTo("YELLOW");
        assertThat(ids(list("inspector", "overdue=true"))).containsExactlyInAnyOrder(c, h);
    }

    @Test
    void a_department_sees_its_own_department_only() {
        JsonNode mine = dashboard("pharmacy", "");
        assertThat(mine.get("department").asText()).isEqualTo("PHARMACY");
        assertThat(counts(mine.get("counts"))).containsExactly(4L, 2L, 0L, 2L, 1L, 1L, 0L);
        assertThat(mine.get("byDepartment").findValuesAsText("department")).containsExactly("PHARMACY");
        assertRate(mine.get("rates"), "response", 1.0);
        assertThat(dashboard("pharmacy", "department=PHARMACY").at("/counts/raised").asLong()).isEqualTo(4);
        Api.Response other = api.as("pharmacy").get("/api/dashboard?department=INPATIENT_SERVICE");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("NOT_OWNER_DEPARTMENT");
        assertThat(api.as("inpatient").get("/api/dashboard/wall?department=PHARMACY").code()).isEqualTo("NOT_OWNER_DEPARTMENT");
        assertThat(api.as("inpatient").get("/api/dashboard/trends?department=PHARMACY").code()).isEqualTo("NOT_OWNER_DEPARTMENT");
        JsonNode wall = api.as("inpatient").get("/api/dashboard/wall").json();
        assertThat(wall.get("departments").findValuesAsText("department")).containsExactly("INPATIENT_SERVICE");
        // Anyone else may look at one department.
        assertThat(dashboard("auditor", "department=INPATIENT_SERVICE").at("/counts/overdue").asLong()).isEqualTo(2);
    }

    @Test
    void the_wall_chart_puts_the_most_urgent_first_now_and_as_of_T() {
        JsonNode now = api.as("committee").get("/api/dashboard/wall").json();
        assertThat(now.get("departments").findValuesAsText("department")).containsExactly("INPATIENT_SERVICE", "PHARMACY");
        JsonNode inpatient = now.at("/departments/0");
        assertThat(inpatient.get("name").asText()).isEqualTo("住院服务中心");
        assertThat(inpatient.at("/byStatus/ASSIGNED").asLong()).isEqualTo(2);
        assertThat(inpatient.at("/byStatus/IN_PROGRESS").asLong()).isEqualTo(1);
        assertThat(inpatient.at("/byEscalation/YELLOW").asLong()).isEqualTo(1);
        assertThat(inpatient.at("/byEscalation/NONE").asLong()).isEqualTo(2);
        // YELLOW first, then the overdue by due date: C (11th), H (19th).
        assertThat(inpatient.get("issues").findValuesAsText("id")).containsExactly(d, c, h);
        assertThat(inpatient.at("/issues/1/overdue").asBoolean()).isTrue();
        JsonNode pharmacy = now.at("/departments/1");
        assertThat(pharmacy.get("issues").findValuesAsText("id")).containsExactly(f, g); // due 23rd, 25th; none overdue

        JsonNode then = api.as("committee").get("/api/dashboard/wall?asOf=" + T).json();
        assertThat(then.get("asOf").asBoolean()).isTrue();
        assertThat(then.at("/departments/0/issues").findValuesAsText("id")).containsExactly(c, d);
        assertThat(then.at("/departments/1/issues").findValuesAsText("id")).containsExactly(b, f); // B overdue at T
        assertThat(then.at("/departments/1/byStatus/IN_PROGRESS").asLong()).isEqualTo(2);
    }

    @Test
    void trends_count_by_month_now_and_as_of_T() {
        JsonNode now = api.as("inspector").get("/api/dashboard/trends?months=3").json();
        assertThat(now.get("months").findValuesAsText("month")).containsExactly("2026-01", "2026-02", "2026-03");
        JsonNode march = now.at("/months/2");
        assertThat(march.get("raised").asLong()).isEqualTo(8);
        assertThat(march.get("closed").asLong()).isEqualTo(2); // A and B; G's closure was undone
        assertThat(march.get("feedbackRecords").asLong()).isEqualTo(4);
        assertThat(march.get("satisfaction").asDouble()).isCloseTo(2.9 / 4, within(1e-9));
        assertThat(march.get("raisedMoM").isNull()).as("February raised nothing: no base").isTrue();
        assertThat(now.at("/months/0/satisfaction").isNull()).isTrue();

        JsonNode then = api.as("inspector").get("/api/dashboard/trends?months=1&asOf=" + T).json();
        assertThat(then.at("/months/0/raised").asLong()).isEqualTo(7);
        assertThat(then.at("/months/0/closed").asLong()).isEqualTo(2); // A and G
        assertThat(then.at("/months/0/feedbackRecords").asLong()).isEqualTo(3);
        assertThat(api.as("inspector").get("/api/dashboard/trends").json().get("months")).hasSize(24);
    }

    @Test
    void bad_parameters_are_refused_with_stable_codes() {
        refused("/api/dashboard?from=2026-03-10&to=2026-03-01", "VALIDATION_FAILED");
        refused("/api/dashboard?from=2026-13-01", "VALIDATION_FAILED");
        refused("/api/dashboard?category=NOPE", "VALIDATION_FAILED");
        refused("/api/dashboard?source=hotline", "VALIDATION_FAILED");
        refused("/api/dashboard?department=pharmacy", "VALIDATION_FAILED");
        refused("/api/dashboard?department=NO_SUCH_DEPT", "VALIDATION_FAILED");
        refused("/api/dashboard?asOf=yesterday", "VALIDATION_FAILED");
        refused("/api/dashboard?asOf=2026-03-21T00:00:00Z", "VALIDATION_FAILED"); // after now: not known yet
        refused("/api/dashboard/wall?asOf=2027-01-01T00:00:00Z", "VALIDATION_FAILED");
        refused("/api/dashboard/trends?months=0", "VALIDATION_FAILED");
        refused("/api/dashboard/trends?months=121", "VALIDATION_FAILED");
        refused("/api/dashboard/trends?months=x", "VALIDATION_FAILED");
        refused("/api/issues?asOf=2026-03-21T00:00:00Z", "VALIDATION_FAILED");
        refused("/api/issues?asOf=13.3.2026", "VALIDATION_FAILED");
        assertThat(api.anonymous().get("/api/dashboard").status()).isEqualTo(401);
    }

    @Test
    void replaying_the_projection_rebuilds_the_same_facts() {
        String facts = "select (to_jsonb(f) - 'state')::text from issue_fact f order by issue_id, version";
        String visits = "select to_jsonb(v)::text from feedback_fact v order by issue_id, sequence";
        List<String> factsBefore = app.jdbc.queryForList(facts, String.class);
        List<String> visitsBefore = app.jdbc.queryForList(visits, String.class);
        assertThat(factsBefore).hasSize(40); // one row per event: A 11, B 6, C 2, D 7, E 2, F 4, G 6, H 2
        assertThat(visitsBefore).hasSize(4);
        assertCurrentRowsMirrorTheFacts();

        // A redelivered event (sequence not newer than the current row) changes nothing: A's first visit, seq 8.
        redeliver(new FeedbackRecorded(IssueId.of(a), true, true, Satisfaction.SATISFIED), beijing("2026-03-05T09:00"), 8);
        redeliver(new IssueClosed(IssueId.of(b), "同意销号"), beijing("2026-03-16T09:00"), 5);
        assertThat(app.jdbc.queryForList(facts, String.class)).isEqualTo(factsBefore);
        assertThat(app.jdbc.queryForList(visits, String.class)).isEqualTo(visitsBefore);

        StreamingEventProcessor processor = app.context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("issue-metrics", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && !(app.jdbc.queryForList(facts, String.class).equals(factsBefore)
                && app.jdbc.queryForList(visits, String.class).equals(visitsBefore))) {
            sleep();
        }
        assertThat(app.jdbc.queryForList(facts, String.class)).isEqualTo(factsBefore);
        assertThat(app.jdbc.queryForList(visits, String.class)).isEqualTo(visitsBefore);
        assertThat(app.jdbc.queryForObject("select count(*) from issue_fact where known_to is null", Long.class)).isEqualTo(8);
        assertCurrentRowsMirrorTheFacts();
    }

    /** issue_current, which the "now" answers read, is exactly issue_fact's current rows (less the working state). */
    private static void assertCurrentRowsMirrorTheFacts() {
        List<String> current = app.jdbc.queryForList("select to_jsonb(c)::text from issue_current c order by issue_id", String.class);
        assertThat(current).hasSize(8);
        assertThat(current).isEqualTo(app.jdbc.queryForList("select (to_jsonb(f) - 'state' - 'known_to')::text"
                + " from issue_fact f where known_to is null order by issue_id", String.class));
    }

    // ---- helpers ----

    /** Hands an event to the issue-metrics projection again, as a redelivery after a crash would. */
    private static void redeliver(IssueEvent event, Instant at, long sequence) {
        Object projection = app.context.getBean("issueMetricsProjection");
        try {
            Method on = projection.getClass().getDeclaredMethod("on", IssueEvent.class, Instant.class, long.class);
            on.setAccessible(true);
            on.invoke(projection, event, at, sequence);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void assign(String id, String department) {
        app.ok(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", department)));
    }

    private static void close(String id) {
        app.ok(api.as("pharmacy").post("/api/issues/" + id + "/rectification", Map.of("summary", "已整改")));
        app.ok(api.as("inspector").post("/api/issues/" + id + "/verification", Map.of("passed", true, "note", "同意销号")));
    }

    private static void feedback(String id, boolean contacted, boolean resolved, String satisfaction) {
        app.ok(api.as("inspector").post("/api/issues/" + id + "/feedback", Map.of("contacted", contacted,
                "resolved", resolved, "satisfaction", satisfaction)));
    }

    /** 通报: a published bulletin names the issue; the NOTIFICATION stage arrives through the bulletin process. */
    private static void notifyInBulletin(String id) {
        Api.Response drafted = api.as("committee").post("/api/bulletins", Map.of("title", "三月督办通报", "period", "2026-03"));
        assertThat(drafted.status()).isEqualTo(201);
        String bulletin = drafted.json().get("id").asText();
        app.ok(api.as("committee").post("/api/bulletins/" + bulletin + "/entries", Map.of("issueId", id,
                "kind", "COMMENDATION", "text", "予以表扬。", "department", "PHARMACY")));
        app.ok(api.as("committee").post("/api/bulletins/" + bulletin + "/publication", Map.of()));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long n = app.jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?"
                    + " and payload_type like '%IssueNotified'", Long.class, id);
            if (n != null && n > 0) return;
            sleep();
        }
        throw new AssertionError("the bulletin did not notify " + id);
    }

    private static JsonNode dashboard(String user, String query) {
        Api.Response r = api.as(user).get("/api/dashboard?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode list(String user, String query) {
        Api.Response r = api.as(user).get("/api/issues?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String deadline(String id, String field) {
        return api.as("inspector").get("/api/issues/" + id).json().at("/deadlines/" + field).asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static JsonNode item(JsonNode page, String id) {
        for (JsonNode i : page.get("items")) if (i.get("id").asText().equals(id)) return i;
        throw new AssertionError(id + " not in the page");
    }

    private static List<Long> counts(JsonNode counts) {
        return Arrays.stream(new String[]{"raised", "open", "overdue", "closed", "effective", "reopened", "withdrawn"})
                .map(k -> counts.get(k).asLong()).toList();
    }

    private static List<Long> ageing(JsonNode dashboard) {
        List<Long> out = new ArrayList<>();
        dashboard.get("overdueAgeing").forEach(bucket -> out.add(bucket.get("count").asLong()));
        return out;
    }

    private static void assertRate(JsonNode rates, String name, double expected) {
        assertThat(rates.get(name).isNumber()).as(name + " in " + rates).isTrue();
        assertThat(rates.get(name).asDouble()).as(name).isCloseTo(expected, within(1e-9));
    }

    private static void refused(String path, String code) {
        Api.Response r = api.as("inspector").get(path);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(400);
        assertThat(r.code()).as(path).isEqualTo(code);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
