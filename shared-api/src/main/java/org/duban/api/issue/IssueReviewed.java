package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** 点评: a committee comment on the issue or its handling (loop stage REVIEW). */
@Revision("1")
public record IssueReviewed(IssueId issueId, String comment) implements IssueEvent {
}
