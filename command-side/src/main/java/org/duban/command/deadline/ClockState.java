package org.duban.command.deadline;

import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;

import java.time.Instant;
import java.time.LocalDate;

/** What the clock needs to know of an issue; {@code dueAt} is set only for emergencies due at an instant. */
record ClockState(String issueId, IssueStatus status, LocalDate dueDate, Instant dueAt, boolean onHold,
                  EscalationLevel escalation, LocalDate remindedFor, LocalDate closedOn, boolean checkReminded,
                  long version) {

    static ClockState raised(String issueId, LocalDate dueDate, Instant dueAt) {
        return new ClockState(issueId, IssueStatus.REGISTERED, dueDate, dueAt, false, EscalationLevel.NONE, null, null, false, -1);
    }

    ClockState with(long newVersion) {
        return new ClockState(issueId, status, dueDate, dueAt, onHold, escalation, remindedFor, closedOn, checkReminded, newVersion);
    }

    ClockState status(IssueStatus newStatus, long newVersion) {
        return new ClockState(issueId, newStatus, dueDate, dueAt, onHold, escalation, remindedFor, closedOn, checkReminded, newVersion);
    }

    ClockState due(LocalDate newDueDate, Instant newDueAt, long newVersion) {
        return new ClockState(issueId, status, newDueDate, newDueAt, onHold, escalation, remindedFor, closedOn, checkReminded, newVersion);
    }

    ClockState held(boolean held, long newVersion) {
        return new ClockState(issueId, status, dueDate, dueAt, held, escalation, remindedFor, closedOn, checkReminded, newVersion);
    }

    ClockState reminded(LocalDate forDueDate, long newVersion) {
        return new ClockState(issueId, status, dueDate, dueAt, onHold, escalation, forDueDate, closedOn, checkReminded, newVersion);
    }

    ClockState escalated(EscalationLevel level, long newVersion) {
        return new ClockState(issueId, status, dueDate, dueAt, onHold, level, remindedFor, closedOn, checkReminded, newVersion);
    }

    ClockState closed(LocalDate on, long newVersion) {
        return new ClockState(issueId, IssueStatus.CLOSED, dueDate, dueAt, onHold, escalation, remindedFor, on, false, newVersion);
    }

    ClockState checkReminded(long newVersion) {
        return new ClockState(issueId, status, dueDate, dueAt, onHold, escalation, remindedFor, closedOn, true, newVersion);
    }

    boolean clockRuns() {
        return !onHold && (status == IssueStatus.REGISTERED || status == IssueStatus.ASSIGNED
                || status == IssueStatus.IN_PROGRESS || status == IssueStatus.REOPENED);
    }
}
