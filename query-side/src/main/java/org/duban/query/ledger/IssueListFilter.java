package org.duban.query.ledger;

import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Source;

/**
 * The list filters of API.md. {@code visibleToDepartment} is not a client's choice: it is set
 * for department users, who see only the issues their department owns or co-handles.
 */
record IssueListFilter(IssueStatus status, String department, Category category, Source source,
                       EscalationLevel escalation, Boolean overdue, String text, String visibleToDepartment) {
}
