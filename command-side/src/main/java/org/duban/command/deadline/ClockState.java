package org.duban.command.deadline;

import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;

import java.time.Instant;
import java.time.LocalDate;

/** What the clock needs to know of an issue; {@code dueAt} is set only for emergencies due at an instant. */
record ClockState(String issueId, IssueStatus status, LocalDate dueDate, Instant dueAt, boolean onHold,
                  EscalationLevel escalation, LocalDate remindedFor, long version) {

    ClockState with(long newVersion) {
        return new ClockState(issueId, status, dueDate, dueAt, onHold, escalation, remindedFor, newVersion);
    }

    ClockState status(IssueStatus newStatus, long newVersion) {
        return new ClockState(issueId, newStatus, dueDate, dueAt, onHold, escalation, remindedFor, newVersion);
    }

    ClockState due(LocalDate newDueDate, Instant newDueAt, long newVersion) {
        return new ClockState(issueId, status, newDueDate, newDueAt, onHold, escalation, remindedFor, newVersion);
    }

    boolean clockRuns() {
        return !onHold && (status == IssueStatus.REGISTERED || status == IssueStatus.ASSIGNED
                || status == IssueStatus.IN_PROGRESS || status == IssueStatus.REOPENED);
    }
}
