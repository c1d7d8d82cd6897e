package org.duban.api.issueview;

import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.time.Instant;
import java.time.LocalDate;

/** One line of the issue list (台账). {@code overdue} is judged on the day the answer is given. */
public record IssueSummary(String id, String title, IssueStatus status, Source source, Category category,
                           Severity severity, String ownerDepartment, LocalDate dueDate, boolean overdue,
                           EscalationLevel escalation, boolean onHold, long version, Instant raisedAt) {
}
