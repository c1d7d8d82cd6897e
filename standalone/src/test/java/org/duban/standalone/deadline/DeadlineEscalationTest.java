package org.duban.standalone.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.duban.command.deadline.DeadlinePoller;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.MovableClock;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time that supervises, with time moved by the test instead of slept: working-day due dates
 * across 国庆, and an issue left alone that escalates BLUE → YELLOW → RED on the right working
 * days, across a restart of the application.
 */
class DeadlineEscalationTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final MovableClock clock = new MovableClock(beijing("2025-09-30T10:00"), BEIJING).install();

    @AfterEach
    void systemClockAgain() {
        MovableClock.uninstall();
    }

    @Test
    void a_hotline_issue_raised_before_national_day_is_due_seven_working_days_later_after_the_holiday() {
        try (ConfigurableApplicationContext app = start(TestDatabase.newDatabase())) {
            Api api = Apps.api(app);
            String id = raise(api);
            JsonNode deadlines = api.as("inspector").get("/api/issues/" + id + "?minVersion=0").json().get("deadlines");
            // Raised Tue 30 Sep 2025. 1–8 Oct are holidays; Sat 11 Oct is worked (调休).
            // Working days: 9 Oct (1), 10 (2), 11 (3), 13 (4), 14 (5), 15 (6), 16 (7).
            assertThat(deadlines.get("acknowledgeDueDate").asText()).isEqualTo("2025-10-09");
            assertThat(deadlines.get("dueDate").asText()).isEqualTo("2025-10-16");
            assertThat(deadlines.get("policyVersion").asText()).isEqualTo("policy/0+calendar/0");
        }
    }

    @Test
    void an_issue_left_alone_escalates_blue_yellow_red_on_the_right_working_days_across_a_restart() throws Exception {
        String database = TestDatabase.newDatabase();
        String id;
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Webhooks hooks = new Webhooks();
        String[] notifications = {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--duban.notifications.mail.departments.PHARMACY=pharmacy@hospital.example",
                "--duban.notifications.webhooks[0].url=" + hooks.url(), "--duban.notifications.webhooks[0].secret=" + Webhooks.SECRET,
                "--duban.notifications.webhooks[0].events=IssueEscalated", "--duban.notifications.sender.interval=200ms"};
        try (ConfigurableApplicationContext app = start(database, notifications)) {
            Api api = Apps.api(app);
            id = raise(api);
            assertThat(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")).status()).isEqualTo(200);
            awaitClock(app, id, 1);

            fireAt(app, "2025-10-14T23:59:59");
            assertThat(types(app, id)).containsExactly("IssueRaised", "OwnerAssigned");
            fireAt(app, "2025-10-15T00:00"); // one working day before the due date: 临近提醒
            assertThat(types(app, id)).endsWith("DueDateApproaching");
            awaitClock(app, id, 2);
            fireAt(app, "2025-10-16T23:59:59");
            assertThat(types(app, id)).hasSize(3);
            fireAt(app, "2025-10-17T00:00"); // the due date has passed: 到期催办, BLUE
            assertThat(levels(app, id)).containsExactly("BLUE");
            awaitClock(app, id, 3);
            awaitOneMailAndWebhookPerLevel(mail, hooks, 1);
        }
        try (ConfigurableApplicationContext app = start(database, notifications)) {
            // 3 working days overdue at the end of Tue 21 Oct (17, 20, 21): YELLOW from midnight.
            fireAt(app, "2025-10-21T23:59:59");
            assertThat(levels(app, id)).containsExactly("BLUE");
            fireAt(app, "2025-10-22T00:00");
            assertThat(levels(app, id)).containsExactly("BLUE", "YELLOW");
            awaitClock(app, id, 4);
            awaitOneMailAndWebhookPerLevel(mail, hooks, 2);
            // 5 working days overdue at the end of Thu 23 Oct (17, 20, 21, 22, 23): RED.
            fireAt(app, "2025-10-23T23:59:59");
            assertThat(levels(app, id)).containsExactly("BLUE", "YELLOW");
            fireAt(app, "2025-10-24T00:00");
            assertThat(levels(app, id)).containsExactly("BLUE", "YELLOW", "RED");
            awaitClock(app, id, 5);
            // Before time moves on: the notifications skip e-mail for events older than max-event-age.
            awaitOneMailAndWebhookPerLevel(mail, hooks, 3);
            fireAt(app, "2025-12-31T00:00");
            assertThat(types(app, id)).hasSize(6);
            Thread.sleep(1_000); // the sender runs every 200 ms: give a duplicate the chance to show
            assertThat(escalationMails(mail)).containsExactly("【到期催办】", "【黄牌警示】", "【红牌督办】");
            assertThat(hooks.levels()).containsExactly("BLUE", "YELLOW", "RED");

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("""
                    select convert_from(payload, 'UTF8')::jsonb ->> 'workingDaysOverdue' from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%IssueEscalated' order by sequence_number""",
                    String.class, id)).containsExactly("0", "3", "5");
            Api api = Apps.api(app);
            JsonNode issue = api.as("inspector").get("/api/issues/" + id + "?minVersion=5").json();
            assertThat(issue.get("escalation").asText()).isEqualTo("RED");
            assertThat(issue.get("overdue").asBoolean()).isTrue();
            JsonNode red = api.as("inspector").get("/api/issues?escalation=RED&overdue=true").json();
            assertThat(red.findValuesAsText("id")).contains(id);
        } finally {
            mail.stop();
            hooks.stop();
        }
    }

    /** Bounded wait until the outbox has delivered one e-mail and one webhook for each of the first {@code levels} levels. */
    private static void awaitOneMailAndWebhookPerLevel(GreenMail mail, Webhooks hooks, int levels) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && (escalationMails(mail).size() < levels || hooks.levels().size() < levels)) {
            Thread.sleep(50);
        }
        assertThat(escalationMails(mail)).hasSize(levels);
        assertThat(hooks.levels()).hasSize(levels);
    }

    /** The level labels of the escalation e-mails received so far, in order. */
    private static List<String> escalationMails(GreenMail mail) throws Exception {
        List<String> labels = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            String subject = m.getSubject();
            if (subject.startsWith("【") && !subject.startsWith("【新任务】") && !subject.startsWith("【临近提醒】")) {
                labels.add(subject.substring(0, subject.indexOf('】') + 1));
            }
        }
        return labels;
    }

    @Test
    void an_emergency_is_due_to_the_hour_and_turns_blue_at_that_instant_not_at_midnight() {
        clock.set(beijing("2025-10-13T10:00"));
        try (ConfigurableApplicationContext app = start(TestDatabase.newDatabase())) {
            Api api = Apps.api(app);
            Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", "急诊抢救室氧气供应中断", "description", "紧急",
                    "source", "INSPECTION", "category", "FACILITIES_LOGISTICS", "severity", "CRITICAL"));
            String id = r.json().get("id").asText();
            JsonNode deadlines = api.as("inspector").get("/api/issues/" + id + "?minVersion=0").json().get("deadlines");
            assertThat(deadlines.get("dueAt").asText()).isEqualTo("2025-10-14T02:00:00Z"); // 24 hours: Tue 10:00 Beijing
            assertThat(deadlines.get("dueDate").asText()).isEqualTo("2025-10-14");
            awaitClock(app, id, 0);

            fireAt(app, "2025-10-14T09:59:59");
            assertThat(levels(app, id)).isEmpty();
            assertThat(api.as("inspector").get("/api/issues/" + id).json().get("overdue").asBoolean()).isFalse();
            fireAt(app, "2025-10-14T10:00:01");
            assertThat(levels(app, id)).containsExactly("BLUE");
            assertThat(api.as("inspector").get("/api/issues?overdue=true&size=200").json().findValuesAsText("id")).contains(id);
        }
    }

    @Test
    void twenty_working_days_after_closing_the_clock_reminds_that_the_effectiveness_check_is_due() {
        clock.set(beijing("2025-10-13T10:00"));
        try (ConfigurableApplicationContext app = start(TestDatabase.newDatabase())) {
            Api api = Apps.api(app);
            String id = raise(api);
            api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY"));
            api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of());
            api.as("pharmacy").post("/api/issues/" + id + "/rectification", Map.of("summary", "已整改"));
            assertThat(api.as("inspector").post("/api/issues/" + id + "/verification", Map.of("passed", true, "note", "销号")).status())
                    .isEqualTo(200);
            awaitClock(app, id, 4);
            // Closed Mon 13 Oct 2025; the 20th working day after is Mon 10 Nov.
            fireAt(app, "2025-11-09T23:59:59");
            assertThat(types(app, id)).doesNotContain("EffectivenessCheckDue");
            fireAt(app, "2025-11-10T00:00");
            assertThat(types(app, id)).endsWith("EffectivenessCheckDue");
            awaitClock(app, id, 5);
            fireAt(app, "2026-06-01T00:00");
            assertThat(types(app, id)).filteredOn("EffectivenessCheckDue"::equals).hasSize(1);
        }
    }

    @Test
    void a_hold_stops_the_clock_and_an_approved_extension_moves_it() {
        try (ConfigurableApplicationContext app = start(TestDatabase.newDatabase())) {
            Api api = Apps.api(app);
            String id = raise(api);
            api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY"));
            api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of());
            api.as("pharmacy").post("/api/issues/" + id + "/extension-requests", Map.of("requestedDueDate", "2025-10-31", "reason", "设备采购"));
            api.as("committee").post("/api/issues/" + id + "/extension-decisions", Map.of("approved", true));
            api.as("inspector").post("/api/issues/" + id + "/hold", Map.of("reason", "等待卫健委意见"));
            awaitClock(app, id, 5);
            fireAt(app, "2025-11-30T00:00"); // far past every date: on hold, nothing speaks
            assertThat(levels(app, id)).isEmpty();
        }
    }

    private ConfigurableApplicationContext start(String database, String... extraArgs) {
        return Apps.start(new SpringApplicationBuilder(StandaloneApplication.class), database, clock, extraArgs);
    }

    private static String raise(Api api) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", "门诊药房取药排队", "description", "12345",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private void fireAt(ConfigurableApplicationContext app, String beijingTime) {
        clock.set(beijing(beijingTime));
        app.getBean(DeadlinePoller.class).fireDue();
    }

    /** Waits (bounded) until the issue-clock processor has seen the issue's events up to {@code version}. */
    private static void awaitClock(ConfigurableApplicationContext app, String id, long version) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Long> v = jdbc.queryForList("select version from issue_clock where issue_id = ?", Long.class, id);
            if (!v.isEmpty() && v.getFirst() >= version) return;
            sleep(20);
        }
        throw new AssertionError("the issue clock did not catch up with version " + version);
    }

    private static List<String> types(ConfigurableApplicationContext app, String id) {
        return app.getBean(JdbcTemplate.class).queryForList(
                "select substring(payload_type from '[^.]+$') from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, id);
    }

    private static List<String> levels(ConfigurableApplicationContext app, String id) {
        return app.getBean(JdbcTemplate.class).queryForList("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'level' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%IssueEscalated' order by sequence_number""", String.class, id);
    }

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
