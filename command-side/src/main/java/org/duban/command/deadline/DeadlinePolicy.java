package org.duban.command.deadline;

import org.duban.api.deadline.EscalationSteps;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Sets and moves due dates and says when the clock speaks. Every event that depends on it
 * records {@link #version()} (policy and calendar versions in force), so a past judgement can
 * be explained and re-scored.
 */
public interface DeadlinePolicy {

    String version();

    /** The response deadline and due date of an issue that began at {@code start}. */
    InitialDeadlines initialFor(Source source, Severity severity, Instant start);

    /** The due date after a hold from {@code heldOn} to {@code resumedOn}: the clock did not run meanwhile. */
    LocalDate afterHold(LocalDate dueDate, LocalDate heldOn, LocalDate resumedOn);

    /** Working days the clock stood still between the two days. */
    long daysOnHold(LocalDate heldOn, LocalDate resumedOn);

    EscalationSteps escalation();

    /** Working days in (from, to]. */
    int workingDaysBetween(LocalDate from, LocalDate to);

    LocalDate plusWorkingDays(LocalDate start, int n);

    LocalDate minusWorkingDays(LocalDate date, int n);
}
