package org.duban.query.history;

import org.duban.api.issue.IssueEvent;

import java.time.Instant;

/** An issue event as the history recorded it: enough to fold an issue as it was known at any instant. */
public record RecordedEvent(IssueEvent event, Instant recordedAt, long sequence) {
}
