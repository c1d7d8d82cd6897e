package org.duban.standalone.notification;

import org.duban.api.issue.DueDateApproaching;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueEscalated;
import org.duban.api.issue.IssueId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each step of an issue's supervision reaches the owner department (and, for a red card, the
 * committee and the inspector who raised it) by e-mail and webhook exactly once: retries of a
 * flaky webhook deliver once, and a full replay of the notifications view sends nothing again.
 */
class EscalationNotificationsTest extends NotificationScenarioTest {

    @Test
    void every_escalation_step_is_mailed_and_posted_once_even_after_a_replay() {
        String title = uniqueTitle("优化门诊药房药品调配流程");
        String id = raiseAssignedTo(title, "PHARMACY");
        IssueId issue = IssueId.of(id);
        LocalDate due = LocalDate.of(2026, 3, 31);
        publish(id, new DueDateApproaching(issue, due, 2, "policy-1"));
        publish(id, new IssueEscalated(issue, EscalationLevel.BLUE, EscalationLevel.NONE, "到期催办", true, due, 0, "policy-1"));
        publish(id, new IssueEscalated(issue, EscalationLevel.YELLOW, EscalationLevel.BLUE, "黄牌警示", true, due, 3, "policy-1"));
        publish(id, new IssueEscalated(issue, EscalationLevel.RED, EscalationLevel.YELLOW, "红牌督办", true, due, 5, "policy-1"));

        List<String> expectedMails = List.of(
                "committee@hospital.example | 【红牌督办】" + title + " 已超期5个工作日",
                "inspector@hospital.example | 【红牌督办】" + title + " 已超期5个工作日",
                "pharmacy@hospital.example | 【临近提醒】" + title + " 距办结期限还有2个工作日",
                "pharmacy@hospital.example | 【到期催办】" + title + " 已到期",
                "pharmacy@hospital.example | 【新任务】" + title,
                "pharmacy@hospital.example | 【红牌督办】" + title + " 已超期5个工作日",
                "pharmacy@hospital.example | 【黄牌警示】" + title + " 已超期3个工作日");
        await("seven mails about " + title, () -> mails(title).size() >= expectedMails.size());
        await("five webhook deliveries", () -> WEBHOOKS.delivered("flaky", id).size() >= 5);
        await("every outbox message sent or given up", () -> outboxRows(id, "PENDING") == 0);

        assertThat(mails(title)).containsExactlyInAnyOrderElementsOf(expectedMails);
        assertDeliveredOnceAfterTwoFailures(id);
        assertThat(outboxRows(id, "SENT")).as("7 mails, 5 calls to the flaky webhook").isEqualTo(12);
        assertThat(outboxRows(id, "DEAD")).as("3 escalations the broken webhook never took").isEqualTo(3);
        assertThat(inboxRows(id)).as("5 for PHARMACY, 1 for PARTY_OFFICE, 1 for the inspector").isEqualTo(7);
        assertThat(WEBHOOKS.calls("broken", id)).as("the broken endpoint only wants escalations")
                .allMatch(c -> c.body().get("type").asText().equals("IssueEscalated"));

        replayNotifications();
        sender.sendDue();

        assertThat(jdbc.queryForObject("select title from notification_issue where issue_id = ?", String.class, id))
                .as("the replay refolded the issue facts").isEqualTo(title);
        assertThat(outboxRows(id, "PENDING")).isZero();
        assertThat(outboxRows(id, "SENT")).isEqualTo(12);
        assertThat(outboxRows(id, "DEAD")).isEqualTo(3);
        assertThat(inboxRows(id)).isEqualTo(7);
        assertThat(mails(title)).containsExactlyInAnyOrderElementsOf(expectedMails);
        assertDeliveredOnceAfterTwoFailures(id);
    }

    @Test
    void the_webhook_body_names_the_event_and_is_signed_with_the_endpoint_secret() {
        String title = uniqueTitle("住院患者出院结算排队");
        String id = raiseAssignedTo(title, "INPATIENT_SERVICE");
        IssueId issue = IssueId.of(id);
        publish(id, new IssueEscalated(issue, EscalationLevel.YELLOW, EscalationLevel.NONE, "挂牌督办", false,
                LocalDate.of(2026, 4, 30), 0, null));

        await("the escalation to reach the webhook", () -> WEBHOOKS.delivered("flaky", id).stream()
                .anyMatch(c -> c.body().get("type").asText().equals("IssueEscalated")));
        WebhookReceiver.Call call = WEBHOOKS.delivered("flaky", id).stream()
                .filter(c -> c.body().get("type").asText().equals("IssueEscalated")).findFirst().orElseThrow();
        assertThat(call.signatureValid()).as(call.signature()).isTrue();
        assertThat(call.signature()).matches("sha256=[0-9a-f]{64}");
        assertThat(call.body().get("issueId").asText()).isEqualTo(id);
        assertThat(call.body().get("level").asText()).isEqualTo("YELLOW");
        assertThat(call.body().get("previousLevel").asText()).isEqualTo("NONE");
        assertThat(call.body().get("dueDate").asText()).isEqualTo("2026-04-30");
        assertThat(call.body().get("title").asText()).isEqualTo("【黄牌警示】" + title);
        assertThat(call.body().get("occurredAt").asText()).endsWith("Z");
        assertThat(call.body().get("id").asText()).isEqualTo(jdbc.queryForObject(
                "select event_identifier from domain_event_entry where aggregate_identifier = ? and payload_type like '%IssueEscalated'",
                String.class, id));
        await("two mails about " + title, () -> mails(title).size() >= 2);
        assertThat(mails(title)).containsExactlyInAnyOrder(
                "inpatient@hospital.example | 【黄牌警示】" + title,
                "inpatient@hospital.example | 【新任务】" + title);
    }

    private static void assertDeliveredOnceAfterTwoFailures(String issueId) {
        List<WebhookReceiver.Call> delivered = WEBHOOKS.delivered("flaky", issueId);
        assertThat(delivered).extracting(c -> c.body().get("type").asText()).containsExactlyInAnyOrder(
                "OwnerAssigned", "DueDateApproaching", "IssueEscalated", "IssueEscalated", "IssueEscalated");
        assertThat(delivered).extracting(c -> c.body().get("id").asText()).doesNotHaveDuplicates();
        assertThat(WEBHOOKS.calls("flaky", issueId)).hasSize(15).allMatch(WebhookReceiver.Call::signatureValid);
    }
}
