package org.duban.standalone.notification;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueEscalated;
import org.duban.api.issue.IssueId;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** In the scenarios' usual context no mail server is configured: the inbox still fills, and no e-mail is queued. */
class NotificationsWithoutMailServerTest extends ScenarioTest {
    @Test
    void without_a_mail_server_notifications_reach_the_inbox_and_no_email_is_queued() throws InterruptedException {
        String id = raise("无邮件服务器时的督办");
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        eventStore.publish(new GenericDomainEventMessage<>("Issue", id, eventCount(id),
                new IssueEscalated(IssueId.of(id), EscalationLevel.RED, EscalationLevel.NONE, "挂牌督办", false,
                        LocalDate.of(2026, 3, 31), 0, null),
                MetaData.from(Map.of("userId", "committee", "role", "COMMITTEE", "department", "PARTY_OFFICE"))));

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (inboxRows(id) < 4 && System.nanoTime() < deadline) Thread.sleep(50);

        assertThat(inboxRows(id)).as("assignment and red card for PHARMACY, red card for PARTY_OFFICE and the raiser")
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where issue_id = ? and channel = 'MAIL'",
                Long.class, id)).isZero();
    }

    private long inboxRows(String issueId) {
        Long n = jdbc.queryForObject("select count(*) from notification_inbox where issue_id = ?", Long.class, issueId);
        return n == null ? 0 : n;
    }
}
