package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Sent by the deadline scheduler when a step of an issue's clock comes due. {@code dueDate} is
 * the due date the step was computed from: if the issue's due date has moved since (extension,
 * hold), or the issue moved on, the aggregate ignores it. {@code workingDaysOverdue} is negative
 * for the reminder: the working days left before the due date.
 */
public record NoticeDeadline(@TargetAggregateIdentifier IssueId issueId, DeadlineKind kind, LocalDate dueDate,
                             Instant firesAt, int workingDaysOverdue, String policyVersion) {
}
