package org.duban.query.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.issue.IssueEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides which e-mails and webhook calls an event's notice becomes and queues them: one
 * e-mail per distinct configured address (when e-mail is on), one call per webhook that wants
 * this event type. Events older than {@code max-event-age} queue nothing: catching up on a long
 * history must not mail people about the past.
 */
@Component
class OutboxWriter {
    private final Outbox outbox;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxEventAge;

    OutboxWriter(Outbox outbox, MailChannel mail, WebhookChannel webhooks,
                 @Qualifier("defaultAxonObjectMapper") ObjectMapper json, Clock clock, NotificationProperties properties) {
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
        this.maxEventAge = properties.maxEventAge();
    }

    void queue(String eventId, IssueEvent event, Instant at, Notice notice, Set<Recipient> to) {
        Instant now = clock.instant();
        if (at.isBefore(now.minus(maxEventAge))) return;
        String type = event.getClass().getSimpleName();
        String issueId = event.issueId().value();
        if (mail.enabled()) {
            Set<String> addresses = new LinkedHashSet<>();
            for (Recipient recipient : to) {
                String address = mail.addressOf(recipient);
                if (address != null && !address.isBlank()) addresses.add(address.strip());
            }
            for (String address : addresses) {
                outbox.enqueue(eventId, OutboxMessage.Channel.MAIL, address, notice.title(), notice.body(), type, issueId, now);
            }
        }
        String body = null;
        for (NotificationProperties.Webhook endpoint : webhooks.endpoints()) {
            if (!endpoint.wants(type)) continue;
            if (body == null) body = webhookBody(eventId, event, type, at, notice);
            outbox.enqueue(eventId, OutboxMessage.Channel.WEBHOOK, endpoint.url(), null, body, type, issueId, now);
        }
    }

    /** {id, type, occurredAt, issueId, kind, title, then the event's own fields (level, dueDate, …)}. */
    @SuppressWarnings("unchecked")
    private String webhookBody(String eventId, IssueEvent event, String type, Instant at, Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type);
        body.put("occurredAt", at.toString());
        body.put("issueId", event.issueId().value());
        body.put("kind", notice.kind().name());
        body.put("title", notice.title());
        json.convertValue(event, LinkedHashMap.class).forEach((k, v) -> body.putIfAbsent((String) k, v));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write webhook body for event " + eventId, e);
        }
    }
}
