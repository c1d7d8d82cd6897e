package org.duban.command.calendar;

import org.duban.api.calendar.CalendarDay;
import org.duban.api.error.InvalidInput;

import java.time.LocalDate;

/**
 * The refusals of the calendar. Each names the field of PUT /api/calendar/days/{date} that is
 * wrong (VALIDATION_FAILED, 400): the request asks for a change the calendar cannot make.
 */
final class CalendarRefusals {

    private CalendarRefusals() {
    }

    static InvalidInput dateMissing() {
        return new InvalidInput("date", "is required.");
    }

    static InvalidInput kindMissing() {
        return new InvalidInput("kind", "is required: HOLIDAY, WORKDAY or REGULAR.");
    }

    static InvalidInput nothingToReset(LocalDate date) {
        return new InvalidInput("kind", date + " has no override to reset; it is already a regular "
                + date.getDayOfWeek().toString().toLowerCase() + ".");
    }

    static InvalidInput holidayOnWeekend(LocalDate date) {
        return new InvalidInput("kind", date + " is a " + date.getDayOfWeek().toString().toLowerCase()
                + ", never a working day unless marked WORKDAY; HOLIDAY marks a weekday off.");
    }

    static InvalidInput workdayOnWeekday(LocalDate date) {
        return new InvalidInput("kind", date + " is a " + date.getDayOfWeek().toString().toLowerCase()
                + "; WORKDAY marks a weekend day worked in exchange (调休). Use REGULAR to make a holiday a working day again.");
    }

    static InvalidInput alreadyInForce(CalendarDay day) {
        return new InvalidInput("kind", day.date() + " is already " + day.kind()
                + (day.name() == null ? "" : " (" + day.name() + ")") + "; nothing would change.");
    }
}
