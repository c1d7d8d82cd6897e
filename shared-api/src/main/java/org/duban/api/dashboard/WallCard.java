package org.duban.api.dashboard;

import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;

import java.time.LocalDate;

public record WallCard(String id, String title, IssueStatus status, EscalationLevel escalation, LocalDate dueDate,
                       boolean overdue) {
}
