package org.duban.query.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.WorkingCalendar;
import org.duban.query.web.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The working-day calendar of one year, for everyone signed in; {@code minVersion} waits for ADMIN's latest change. */
@RestController
class CalendarController {
    private static final WorkingCalendar SHIPPED = WorkingCalendar.shipped();

    private final CalendarViewRepository calendar;
    private final ReadYourWrites readYourWrites;

    CalendarController(CalendarViewRepository calendar, ReadYourWrites readYourWrites) {
        this.calendar = calendar;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/calendar/{year}")
    CalendarYear year(@PathVariable @Min(1900) @Max(2199) int year,
                      @RequestParam(required = false) @Min(0) Long minVersion) {
        String id = WorkingCalendar.DEFAULT_ID;
        readYourWrites.await(minVersion, () -> calendar.version(id));
        long version = calendar.version(id);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        WorkingCalendar inForce = SHIPPED;
        for (CalendarDay change : calendar.changes(id, version, first, last)) inForce = inForce.with(change, version);
        List<CalendarDay> days = inForce.overrides().stream()
                .filter(d -> !d.date().isBefore(first) && !d.date().isAfter(last)).toList();
        return new CalendarYear(year, version, days, inForce.workingDaysBetween(first.minusDays(1), last));
    }
}
