package org.duban.standalone.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueEscalated;
import org.duban.api.issue.IssueId;
import org.duban.standalone.support.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A webhook that keeps failing ends as a dead letter after five attempts; an administrator sees it and retries it. */
class DeadLetterTest extends NotificationScenarioTest {

    @Test
    void a_webhook_that_keeps_failing_becomes_a_dead_letter_that_an_admin_can_retry() {
        String id = raiseAssignedTo(uniqueTitle("护理交接不规范"), "PHARMACY");
        publish(id, new IssueEscalated(IssueId.of(id), EscalationLevel.YELLOW, EscalationLevel.NONE, "超期", true,
                LocalDate.of(2026, 3, 31), 3, "policy-1"));

        await("a dead letter for the escalation", () -> deadLetter(id).isPresent());
        JsonNode dead = deadLetter(id).orElseThrow();
        assertThat(dead.get("channel").asText()).isEqualTo("WEBHOOK");
        assertThat(dead.get("target").asText()).isEqualTo(WEBHOOKS.url("broken"));
        assertThat(dead.get("eventType").asText()).isEqualTo("IssueEscalated");
        assertThat(dead.get("attempts").asInt()).isEqualTo(5);
        assertThat(dead.get("lastError").asText()).contains("HTTP 500");
        assertThat(WEBHOOKS.calls("broken", id)).hasSize(5).allMatch(WebhookReceiver.Call::signatureValid);
        long deadId = dead.get("id").asLong();

        Api.Response notAdmin = api.as("committee").get("/api/admin/notifications/dead-letters");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.code()).isEqualTo("FORBIDDEN");
        assertThat(api.as("pharmacy").post("/api/admin/notifications/dead-letters/" + deadId + "/retry", Map.of()).status())
                .isEqualTo(403);
        assertThat(api.anonymous().get("/api/admin/notifications/dead-letters").status()).isEqualTo(401);
        Api.Response unknown = api.as("admin").post("/api/admin/notifications/dead-letters/999999999/retry", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");

        WEBHOOKS.heal(id);
        assertThat(api.as("admin").post("/api/admin/notifications/dead-letters/" + deadId + "/retry", Map.of()).status())
                .isEqualTo(202);
        await("the retried delivery", () -> !WEBHOOKS.delivered("broken", id).isEmpty());

        assertThat(WEBHOOKS.delivered("broken", id)).singleElement()
                .satisfies(c -> assertThat(c.delivery()).isEqualTo(Long.toString(deadId)));
        await("the message to be marked sent", () -> "SENT".equals(jdbc.queryForObject(
                "select status from notification_outbox where id = ?", String.class, deadId)));
        assertThat(deadLetter(id)).isEmpty();
        assertThat(api.as("admin").post("/api/admin/notifications/dead-letters/" + deadId + "/retry", Map.of()).status())
                .as("a message that was sent is no dead letter").isEqualTo(404);
    }

    private Optional<JsonNode> deadLetter(String issueId) {
        Api.Response r = api.as("admin").get("/api/admin/notifications/dead-letters?size=200");
        if (r.status() != 200) throw new AssertionError("dead letters: " + r);
        return stream(r.json().get("items")).filter(d -> issueId.equals(d.get("issueId").asText())).findFirst();
    }
}
