package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The issue was resumed; its due date moved by the time on hold. */
@Revision("1")
public record IssueResumed(IssueId issueId, String reason, long daysOnHold, LocalDate previousDueDate, LocalDate newDueDate, String deadlinePolicyVersion) implements IssueEvent {
}
