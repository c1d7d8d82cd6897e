package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** The issue was merged into another as a duplicate and ends WITHDRAWN (withdrawal reason DUPLICATE); {@code reason} is the inspector's explanation. */
@Revision("1")
public record IssueMerged(IssueId issueId, IssueId intoIssueId, String reason) implements IssueEvent {
}
