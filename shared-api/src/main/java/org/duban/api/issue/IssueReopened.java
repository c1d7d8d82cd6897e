package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The effectiveness check found the problem recurred; the issue is reopened with a new due date from the policy in force. */
@Revision("1")
public record IssueReopened(IssueId issueId, String note, LocalDate dueDate, String deadlinePolicyVersion) implements IssueEvent {
}
