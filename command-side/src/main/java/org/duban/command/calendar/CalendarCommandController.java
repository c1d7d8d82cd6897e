package org.duban.command.calendar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.duban.api.Accepted;
import org.duban.api.calendar.ChangeCalendarDay;
import org.duban.api.calendar.DayKind;
import org.duban.api.calendar.WorkingCalendar;
import org.duban.api.error.InvalidInput;
import org.duban.command.web.CommandSender;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * ADMIN changes one date of the working-day calendar. Answers {id: the date, version: the
 * calendar's version after the change}, the number GET /api/calendar/{year} reports and
 * accepts as {@code minVersion}.
 */
@RestController
class CalendarCommandController {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final CommandSender commands;

    CalendarCommandController(CommandSender commands) {
        this.commands = commands;
    }

    record DayChange(@NotNull DayKind kind, @Size(max = 100) String name) {
    }

    @PutMapping("/api/calendar/days/{date}")
    Accepted change(@PathVariable String date, @Valid @RequestBody DayChange body, HttpServletRequest request) {
        LocalDate day = date(date);
        String name = body.name() == null || body.name().isBlank() ? null : body.name().strip();
        Long version = commands.send(new ChangeCalendarDay(WorkingCalendar.DEFAULT_ID, day, body.kind(), name), request);
        return new Accepted(day.toString(), version == null ? 0 : version);
    }

    /** The path names a date like 2026-10-01 within the calendar people use (the same bounds as every body date). */
    private static LocalDate date(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("date", "must be a date like 2026-10-01.");
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new InvalidInput("date", "must be between " + EARLIEST + " and " + LATEST + ".");
        }
        return day;
    }
}
