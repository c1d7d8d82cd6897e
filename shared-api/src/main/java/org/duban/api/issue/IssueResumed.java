package org.duban.api.issue;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The issue was resumed; its due date moved by the time on hold. */
@Revision("1")
public record IssueResumed(IssueId issueId, String reason, long daysOnHold, LocalDate previousDueDate, LocalDate newDueDate, String deadlinePolicyVersion, Instant newDueAt)
        implements IssueEvent {

    /** Resuming an issue whose deadline counts in working days (no due instant). */
    public IssueResumed(IssueId issueId, String reason, long daysOnHold, LocalDate previousDueDate, LocalDate newDueDate,
                        String deadlinePolicyVersion) {
        this(issueId, reason, daysOnHold, previousDueDate, newDueDate, deadlinePolicyVersion, null);
    }
}
