package org.duban.command.deadline;

import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Deadlines in plain calendar days, until the working-day calendar arrives. Hotline issues
 * follow 接诉即办: acknowledge within 1 day, resolve within 7; critical issues within a day.
 */
public class CalendarDayDeadlinePolicy implements DeadlinePolicy {
    public static final String VERSION = "calendar-days/1";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public InitialDeadlines initialFor(Source source, Severity severity, LocalDate startDay) {
        int acknowledgeDays = severity == Severity.CRITICAL ? 0 : 1;
        int resolveDays = switch (severity) {
            case CRITICAL -> 1;
            case HIGH -> 5;
            case NORMAL -> source == Source.HOTLINE ? 7 : 15;
            case LOW -> source == Source.HOTLINE ? 15 : 30;
        };
        return new InitialDeadlines(startDay.plusDays(acknowledgeDays), startDay.plusDays(resolveDays), VERSION);
    }

    @Override
    public LocalDate afterHold(LocalDate dueDate, LocalDate heldOn, LocalDate resumedOn) {
        return dueDate.plusDays(daysOnHold(heldOn, resumedOn));
    }

    @Override
    public long daysOnHold(LocalDate heldOn, LocalDate resumedOn) {
        return Math.max(0, ChronoUnit.DAYS.between(heldOn, resumedOn));
    }
}
