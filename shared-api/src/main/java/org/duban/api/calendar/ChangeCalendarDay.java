package org.duban.api.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** ADMIN marks a date as a holiday, a working day, or regular again. */
public record ChangeCalendarDay(@TargetAggregateIdentifier String calendarId, LocalDate date, DayKind kind, String name) {
}
