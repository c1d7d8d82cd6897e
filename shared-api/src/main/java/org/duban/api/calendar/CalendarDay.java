package org.duban.api.calendar;

import java.time.LocalDate;

/** One date that deviates from the ordinary week, with its name (e.g. 国庆节). */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}
