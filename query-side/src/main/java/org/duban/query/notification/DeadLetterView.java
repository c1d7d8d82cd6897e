package org.duban.query.notification;

import java.time.Instant;

/** An outgoing message given up after too many failed attempts, for an administrator to look at and retry. */
public record DeadLetterView(long id, String channel, String target, String subject, String eventType, String issueId,
                             String eventId, int attempts, String lastError, Instant createdAt, Instant lastAttemptAt) {
}
