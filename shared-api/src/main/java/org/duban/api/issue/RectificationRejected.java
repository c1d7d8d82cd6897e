package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** Verification failed: the rectification goes back to the owner. */
@Revision("1")
public record RectificationRejected(IssueId issueId, String note) implements IssueEvent {
}
