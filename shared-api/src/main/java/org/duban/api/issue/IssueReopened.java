package org.duban.api.issue;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The effectiveness check found the problem recurred; the issue is reopened with a new due date from the policy in force. */
@Revision("1")
public record IssueReopened(IssueId issueId, String note, LocalDate dueDate, String deadlinePolicyVersion, Instant dueAt)
        implements IssueEvent {

    /** Reopening with a deadline in working days (no due instant). */
    public IssueReopened(IssueId issueId, String note, LocalDate dueDate, String deadlinePolicyVersion) {
        this(issueId, note, dueDate, deadlinePolicyVersion, null);
    }
}
