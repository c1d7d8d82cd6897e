package org.duban.query.calendar;

import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarDayChanged;
import org.duban.api.calendar.DayKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The calendar changes table: written by the projection, read to fold the calendar in force. */
@Repository
class CalendarViewRepository {
    private final JdbcTemplate jdbc;

    CalendarViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void recordChange(CalendarDayChanged e, Instant at, String userId) {
        jdbc.update("""
                        insert into calendar_day_change (calendar_id, version, day, kind, name, changed_at, changed_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (calendar_id, version) do nothing""",
                e.calendarId(), e.version(), Date.valueOf(e.date()), e.kind().name(), e.name(), Timestamp.from(at), userId);
    }

    void deleteAll() {
        jdbc.update("delete from calendar_day_change");
    }

    /** The calendar's version: its latest change, 0 (shipped) when never changed. */
    long version(String calendarId) {
        Long version = jdbc.queryForObject("select max(version) from calendar_day_change where calendar_id = ?",
                Long.class, calendarId);
        return version == null ? 0 : version;
    }

    /** The changes up to {@code version} of dates in {@code from..to}, oldest first. */
    List<CalendarDay> changes(String calendarId, long version, LocalDate from, LocalDate to) {
        return jdbc.query("""
                        select day, kind, name from calendar_day_change
                        where calendar_id = ? and version <= ? and day between ? and ? order by version""",
                (rs, i) -> new CalendarDay(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)), rs.getString(3)),
                calendarId, version, Date.valueOf(from), Date.valueOf(to));
    }
}
