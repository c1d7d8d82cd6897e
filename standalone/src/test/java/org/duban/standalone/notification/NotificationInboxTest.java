package org.duban.standalone.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueEscalated;
import org.duban.api.issue.IssueId;
import org.duban.standalone.support.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-app inbox: each user sees their own and their department's notifications, and marks them read. */
class NotificationInboxTest extends NotificationScenarioTest {

    @Test
    void a_department_sees_its_own_notifications_only_newest_first() {
        String pharmacyIssue = raiseAssignedTo(uniqueTitle("药房窗口排队"), "PHARMACY");
        String inpatientIssue = raiseAssignedTo(uniqueTitle("出院结算排队"), "INPATIENT_SERVICE");
        escalate(pharmacyIssue, EscalationLevel.YELLOW, 3);
        escalate(inpatientIssue, EscalationLevel.YELLOW, 3);

        await("PHARMACY's two notifications", () -> inbox("pharmacy", pharmacyIssue, "").size() == 2);
        await("INPATIENT_SERVICE's two notifications", () -> inbox("inpatient", inpatientIssue, "").size() == 2);

        List<JsonNode> pharmacy = inbox("pharmacy", pharmacyIssue, "");
        assertThat(pharmacy).extracting(n -> n.get("kind").asText()).containsExactly("ESCALATION", "ASSIGNMENT");
        assertThat(pharmacy.get(0).get("title").asText()).startsWith("【黄牌警示】药房窗口排队").endsWith(" 已超期3个工作日");
        assertThat(pharmacy.get(0).get("body").asText()).contains("办结期限：2026-03-31").contains("已超期3个工作日");
        assertThat(pharmacy.get(0).get("read").asBoolean()).isFalse();
        assertThat(Instant.parse(pharmacy.get(0).get("createdAt").asText()))
                .isAfterOrEqualTo(Instant.parse(pharmacy.get(1).get("createdAt").asText()));
        assertThat(inbox("pharmacy", inpatientIssue, "")).isEmpty();
        assertThat(inbox("inpatient", pharmacyIssue, "")).isEmpty();
        assertThat(inbox("auditor", pharmacyIssue, "")).as("no department, nothing addressed to them").isEmpty();
    }

    @Test
    void a_red_card_also_reaches_the_committee_and_the_inspector_who_raised_the_issue() {
        String id = raiseAssignedTo(uniqueTitle("门诊药房发错药"), "PHARMACY");
        escalate(id, EscalationLevel.RED, 5);

        await("the committee's notification", () -> inbox("committee", id, "").size() == 1);
        await("the raiser's notification", () -> inbox("inspector", id, "").size() == 1);
        assertThat(inbox("committee", id, "").get(0).get("title").asText()).startsWith("【红牌督办】");
        assertThat(inbox("inspector2", id, "").size())
                .as("another inspector sees it neither as raiser nor through DISCIPLINE, which is not addressed").isZero();
        await("PHARMACY's notifications", () -> inbox("pharmacy", id, "").size() == 2);
    }

    @Test
    void marking_read_is_for_the_recipients_only() {
        String id = raiseAssignedTo(uniqueTitle("药品调配差错"), "PHARMACY");
        await("the assignment notice", () -> inbox("pharmacy", id, "").size() == 1);
        long notification = inbox("pharmacy", id, "").get(0).get("id").asLong();

        Api.Response foreign = api.as("inpatient").post("/api/notifications/" + notification + "/read", Map.of());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("NOT_FOUND");
        assertThat(api.as("pharmacy").post("/api/notifications/999999999/read", Map.of()).status()).isEqualTo(404);
        assertThat(api.as("pharmacy").post("/api/notifications/abc/read", Map.of()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.anonymous().post("/api/notifications/" + notification + "/read", Map.of()).status()).isEqualTo(401);
        assertThat(inbox("pharmacy", id, "&unread=true")).hasSize(1);

        assertThat(api.as("pharmacy").post("/api/notifications/" + notification + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(api.as("pharmacy").post("/api/notifications/" + notification + "/read", Map.of()).status())
                .as("marking twice is harmless").isEqualTo(204);

        assertThat(inbox("pharmacy", id, "&unread=true")).isEmpty();
        assertThat(inbox("pharmacy", id, "&unread=false")).hasSize(1);
        assertThat(inbox("pharmacy", id, "").get(0).get("read").asBoolean()).isTrue();
    }

    @Test
    void the_inbox_needs_a_signed_in_user_and_sane_paging() {
        assertThat(api.anonymous().get("/api/notifications").status()).isEqualTo(401);
        Api.Response tooBig = api.as("pharmacy").get("/api/notifications?size=100000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.code()).isEqualTo("VALIDATION_FAILED");
        JsonNode page = api.as("pharmacy").get("/api/notifications?page=0&size=1").json();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.has("totalItems")).isTrue();
    }

    private void escalate(String issueId, EscalationLevel level, int workingDaysOverdue) {
        publish(issueId, new IssueEscalated(IssueId.of(issueId), level, EscalationLevel.NONE, "超期未办结", true,
                LocalDate.of(2026, 3, 31), workingDaysOverdue, "policy-1"));
    }
}
