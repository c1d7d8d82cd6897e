package org.duban.command.deadline;

import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.time.LocalDate;

/**
 * Sets and moves due dates. Every event that depends on it records {@link #version()}, so a past
 * judgement can be explained. Working-day calendars replace the calendar-day implementation
 * behind this same interface.
 */
public interface DeadlinePolicy {

    String version();

    InitialDeadlines initialFor(Source source, Severity severity, LocalDate startDay);

    /** The due date after a hold from {@code heldOn} to {@code resumedOn}: the clock did not run meanwhile. */
    LocalDate afterHold(LocalDate dueDate, LocalDate heldOn, LocalDate resumedOn);

    /** Days the clock stood still between the two days, as this policy counts them. */
    long daysOnHold(LocalDate heldOn, LocalDate resumedOn);
}
