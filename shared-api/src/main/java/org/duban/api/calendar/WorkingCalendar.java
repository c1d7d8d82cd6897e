package org.duban.api.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which days are working days (工作日): Monday to Friday, except public holidays, plus the
 * weekend days worked in exchange (调休). Immutable; {@link #with} gives the next version.
 * Deadlines count on it, so every judgement records the {@link #version()} it used.
 */
public final class WorkingCalendar {
    public static final String DEFAULT_ID = "china";
    private static final String SHIPPED = "/org/duban/api/calendar/china-2025-2027.csv";
    private static final int MAX_SCAN_DAYS = 3_660;

    private final Map<LocalDate, CalendarDay> overrides;
    private final long version;

    private WorkingCalendar(Map<LocalDate, CalendarDay> overrides, long version) {
        this.overrides = overrides;
        this.version = version;
    }

    /** The calendar shipped with Duban (version 0): holidays and 调休 days 2025–2027. */
    public static WorkingCalendar shipped() {
        try (InputStream in = Objects.requireNonNull(WorkingCalendar.class.getResourceAsStream(SHIPPED), SHIPPED);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<LocalDate, CalendarDay> days = new TreeMap<>();
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
                String[] f = line.split(",", 3);
                LocalDate date = LocalDate.parse(f[0]);
                days.put(date, new CalendarDay(date, DayKind.valueOf(f[1]), f[2]));
            });
            return new WorkingCalendar(Map.copyOf(days), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This calendar with one date changed, as version {@code newVersion}. */
    public WorkingCalendar with(CalendarDay day, long newVersion) {
        Map<LocalDate, CalendarDay> days = new TreeMap<>(overrides);
        if (day.kind() == DayKind.REGULAR) days.remove(day.date());
        else days.put(day.date(), day);
        return new WorkingCalendar(Map.copyOf(days), newVersion);
    }

    public long version() {
        return version;
    }

    public Collection<CalendarDay> overrides() {
        return new TreeMap<>(overrides).values();
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarDay day = overrides.get(date);
        if (day != null) return day.kind() == DayKind.WORKDAY;
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code start} (n ≥ 1); n = 0 gives the first working day from {@code start} on. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) throw new IllegalArgumentException("n must not be negative: " + n);
        LocalDate day = start;
        if (n == 0) {
            for (int i = 0; !isWorkingDay(day); i++) day = next(day, i);
            return day;
        }
        int counted = 0;
        for (int i = 0; counted < n; i++) {
            day = next(day, i);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }

    /** The working day {@code n} working days before {@code date} (n ≥ 1), e.g. the day a reminder is due. */
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        if (n < 1) throw new IllegalArgumentException("n must be at least 1: " + n);
        LocalDate day = date;
        int counted = 0;
        for (int i = 0; counted < n; i++) {
            if (i > MAX_SCAN_DAYS) throw new IllegalStateException("no working day within ten years before " + date);
            day = day.minusDays(1);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }

    /** Working days in (from, to]: 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        int i = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (++i > MAX_SCAN_DAYS * 10) throw new IllegalArgumentException("range too long: " + from + " to " + to);
            if (isWorkingDay(day)) count++;
        }
        return count;
    }

    private static LocalDate next(LocalDate day, int scanned) {
        if (scanned > MAX_SCAN_DAYS) throw new IllegalStateException("no working day within ten years after " + day);
        return day.plusDays(1);
    }
}
