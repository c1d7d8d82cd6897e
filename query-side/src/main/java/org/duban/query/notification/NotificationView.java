package org.duban.query.notification;

import java.time.Instant;

/** One notification in a user's inbox; {@code read} is shared by a department's members. */
public record NotificationView(long id, NotificationKind kind, String title, String body, String issueId,
                               Instant createdAt, boolean read) {
}
