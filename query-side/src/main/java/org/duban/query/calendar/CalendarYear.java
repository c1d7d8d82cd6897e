package org.duban.query.calendar;

import org.duban.api.calendar.CalendarDay;

import java.util.List;

/**
 * One year of the working-day calendar in force: the dates that deviate from the ordinary week
 * (shipped data overlaid with ADMIN's changes), how many days are worked, and the calendar's
 * version (0 = as shipped).
 */
record CalendarYear(int year, long version, List<CalendarDay> days, int workingDays) {
}
