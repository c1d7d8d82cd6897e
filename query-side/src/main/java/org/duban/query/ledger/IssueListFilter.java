package org.duban.query.ledger;

import org.duban.api.actor.Actor;
import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Source;
import org.duban.query.web.ReadAccess;

/**
 * The list filters of API.md. {@code visibleToDepartment} is not a client's choice: it is set
 * for department users, who see only the issues their department owns or co-handles.
 */
record IssueListFilter(IssueStatus status, String department, Category category, Source source,
                       EscalationLevel escalation, Boolean overdue, String text, String visibleToDepartment) {

    /** The filter of a request to the list or its export, scoped to what {@code actor} may read. */
    static IssueListFilter of(IssueStatus status, String department, Category category, Source source,
                              EscalationLevel escalation, Boolean overdue, String q, Actor actor) {
        String text = q == null || q.isBlank() ? null : q.strip();
        return new IssueListFilter(status, department, category, source, escalation, overdue, text,
                ReadAccess.listScope(actor));
    }
}
