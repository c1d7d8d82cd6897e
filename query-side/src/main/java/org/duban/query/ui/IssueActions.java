package org.duban.query.ui;

import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Source;
import org.duban.api.issueview.IssueDetail;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.duban.api.issue.IssueStatus.ASSIGNED;
import static org.duban.api.issue.IssueStatus.CLOSED;
import static org.duban.api.issue.IssueStatus.EFFECTIVE;
import static org.duban.api.issue.IssueStatus.IN_PROGRESS;
import static org.duban.api.issue.IssueStatus.PENDING_VERIFICATION;
import static org.duban.api.issue.IssueStatus.REGISTERED;
import static org.duban.api.issue.IssueStatus.REOPENED;

/**
 * Which action forms the issue page offers the signed-in user: API.md's "who" column crossed
 * with the states in which the command side accepts each command (DOMAIN.md's lifecycle). This
 * only decides what to show; the command side still judges every request, and its refusal is
 * what the page then shows (a stale page, the submitter verifying, ...).
 */
final class IssueActions {
    private static final Set<IssueStatus> OPEN = EnumSet.of(REGISTERED, ASSIGNED, IN_PROGRESS, PENDING_VERIFICATION, REOPENED);

    private IssueActions() {
    }

    /** Action names, in the order the page shows them; each names a form in templates/issue.html. */
    static Set<String> of(Actor actor, IssueDetail issue) {
        Set<String> actions = new LinkedHashSet<>();
        IssueStatus s = issue.status();
        boolean extensionPending = issue.extensions().stream().anyMatch(e -> e.decision() == null);
        switch (actor.role()) {
            case INSPECTOR -> {
                if (s == PENDING_VERIFICATION) actions.add("verification");
                if (s == REGISTERED || s == ASSIGNED || s == IN_PROGRESS || s == REOPENED) actions.add("assignment");
                if (OPEN.contains(s)) actions.add("co-department");
                if (OPEN.contains(s) && extensionPending) actions.add("extension-decision");
                if (OPEN.contains(s)) actions.add("escalation");
                if (OPEN.contains(s) && !issue.onHold() && (s == ASSIGNED || s == IN_PROGRESS || s == REOPENED)) actions.add("hold");
                if (OPEN.contains(s) && issue.onHold()) actions.add("resume");
                if (s == CLOSED) actions.add("effectiveness-check");
                if (issue.source() == Source.HOTLINE && EnumSet.of(IN_PROGRESS, PENDING_VERIFICATION, CLOSED, EFFECTIVE, REOPENED).contains(s)) {
                    actions.add("feedback");
                }
                if (OPEN.contains(s)) actions.add("merge");
                if (OPEN.contains(s)) actions.add("withdrawal");
            }
            case COMMITTEE -> {
                if (s != IssueStatus.WITHDRAWN) actions.add("review");
                if (EnumSet.of(IN_PROGRESS, PENDING_VERIFICATION, CLOSED, EFFECTIVE, REOPENED).contains(s)) actions.add("assessment");
                if (OPEN.contains(s) && extensionPending) actions.add("extension-decision");
                if (OPEN.contains(s)) actions.add("escalation");
            }
            case DEPARTMENT -> {
                boolean owner = actor.department() != null && actor.department().equals(issue.ownerDepartment());
                boolean co = issue.coDepartments().contains(actor.department());
                if (owner && (s == ASSIGNED || s == REOPENED)) actions.add("acknowledgement");
                if (owner && s == IN_PROGRESS) actions.add("plan");
                if ((owner || co) && s == IN_PROGRESS) actions.add("progress");
                if (owner && s == IN_PROGRESS && !issue.onHold()) actions.add("rectification");
                if (owner && s == IN_PROGRESS && !extensionPending) actions.add("extension-request");
                if (owner && s == ASSIGNED) actions.add("return");
            }
            default -> {
                // AUDITOR and ADMIN read; they act on no issue.
            }
        }
        return actions;
    }

    static boolean mayRaise(Actor actor) {
        return actor.role() == Role.INSPECTOR || actor.role() == Role.COMMITTEE;
    }
}
