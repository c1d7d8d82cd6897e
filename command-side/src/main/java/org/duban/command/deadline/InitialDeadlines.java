package org.duban.command.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The response deadline (签收时限) and the rectification due date (整改期限) of a new issue;
 * {@code dueAt} is the exact due instant when the rule counts in hours (emergencies), else null.
 */
public record InitialDeadlines(LocalDate acknowledgeDueDate, LocalDate dueDate, Instant dueAt, String policyVersion) {
}
