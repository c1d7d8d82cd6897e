package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** The issue was withdrawn with a reason; its history stays readable. */
@Revision("1")
public record IssueWithdrawn(IssueId issueId, String reason) implements IssueEvent {
}
