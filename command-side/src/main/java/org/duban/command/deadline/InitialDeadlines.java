package org.duban.command.deadline;

import java.time.LocalDate;

/** The response deadline (签收时限) and the rectification due date (整改期限) of a new issue. */
public record InitialDeadlines(LocalDate acknowledgeDueDate, LocalDate dueDate, String policyVersion) {
}
