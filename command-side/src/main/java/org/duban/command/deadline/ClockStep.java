package org.duban.command.deadline;

import org.duban.api.issue.DeadlineKind;

import java.time.Instant;
import java.time.LocalDate;

/** One step still to come on an issue's clock. */
record ClockStep(String issueId, DeadlineKind kind, LocalDate dueDate, Instant firesAt, int workingDays, String policyVersion) {
}
