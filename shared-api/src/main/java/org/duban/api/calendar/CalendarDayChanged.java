package org.duban.api.calendar;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A date's kind changed; {@code version} is the calendar's version from this change on (shipped data is version 0). */
@Revision("1")
public record CalendarDayChanged(String calendarId, LocalDate date, DayKind kind, String name, long version) {
}
