package org.duban.command.deadline;

import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;

import java.time.LocalDate;

/** What the clock needs to know of an issue. */
record ClockState(String issueId, IssueStatus status, LocalDate dueDate, boolean onHold, EscalationLevel escalation,
                  LocalDate remindedFor, long version) {

    ClockState with(long newVersion) {
        return new ClockState(issueId, status, dueDate, onHold, escalation, remindedFor, newVersion);
    }

    ClockState status(IssueStatus newStatus, long newVersion) {
        return new ClockState(issueId, newStatus, dueDate, onHold, escalation, remindedFor, newVersion);
    }

    boolean clockRuns() {
        return !onHold && (status == IssueStatus.REGISTERED || status == IssueStatus.ASSIGNED
                || status == IssueStatus.IN_PROGRESS || status == IssueStatus.REOPENED);
    }
}
