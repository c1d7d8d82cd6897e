package org.duban.api.calendar;

/**
 * How a date deviates from the ordinary week: a public holiday (法定节假日) on a weekday, a
 * working weekend day (调休上班), or REGULAR to remove an override again.
 */
public enum DayKind {
    HOLIDAY, WORKDAY, REGULAR
}
