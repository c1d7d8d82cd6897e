package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** The effectiveness check found the problem recurred; the issue is reopened. */
@Revision("1")
public record IssueReopened(IssueId issueId, String note) implements IssueEvent {
}
