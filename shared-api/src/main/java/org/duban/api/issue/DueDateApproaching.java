package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 临近提醒: the due date is near and the issue is still open. */
@Revision("1")
public record DueDateApproaching(IssueId issueId, LocalDate dueDate, int workingDaysLeft, String policyVersion)
        implements IssueEvent {
}
