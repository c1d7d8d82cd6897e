package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** The issue was put on hold (挂起); its deadline clock stopped. */
@Revision("1")
public record IssueHeld(IssueId issueId, String reason) implements IssueEvent {
}
