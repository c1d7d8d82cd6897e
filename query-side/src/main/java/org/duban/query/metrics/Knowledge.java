package org.duban.query.metrics;

import org.duban.api.error.InvalidInput;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the system knew at {@code at}: now (the current fact rows, found through their partial
 * index) or an instant asked for (the rows valid then in record time). Both answer through the
 * same queries; only this row predicate differs. Deadlines are judged at {@code at}.
 */
public record Knowledge(Instant at, boolean asOf, ZoneId zone) {

    /** Overdue: the same rule as {@code IssueState.isOverdueAt}, with ? = at and ? = the day of at. */
    static final String OVERDUE = "(status in ('REGISTERED','ASSIGNED','IN_PROGRESS','REOPENED') and not on_hold"
            + " and case when due_at is not null then due_at < ? else due_date < ? end)";

    /**
     * Now, or the instant a client asked for. An instant in the future is refused: the system
     * cannot know it yet, and judging deadlines there would be a forecast, not a record.
     */
    public static Knowledge of(Instant asOf, Clock clock) {
        Instant now = clock.instant();
        if (asOf == null) return now(now, clock.getZone());
        if (asOf.isAfter(now)) throw new InvalidInput("asOf", "cannot be in the future.");
        return asOf(asOf, clock.getZone());
    }

    public static Knowledge now(Instant now, ZoneId zone) {
        return new Knowledge(now, false, zone);
    }

    public static Knowledge asOf(Instant at, ZoneId zone) {
        return new Knowledge(at, true, zone);
    }

    LocalDate today() {
        return LocalDate.ofInstant(at, zone);
    }

    /**
     * Where the rows are: now, the narrow table of current rows (issue_current, one per issue);
     * as of an instant, the bitemporal issue_fact. Both have the columns the metrics read.
     */
    String table() {
        return asOf ? "issue_fact" : "issue_current";
    }

    /** The rows of {@link #table()} valid at {@link #at}; appends its arguments. */
    String rows(List<Object> args) {
        if (!asOf) return "true";
        args.add(Timestamp.from(at));
        args.add(Timestamp.from(at));
        return "known_from <= ? and (known_to is null or known_to > ?)";
    }

    /** {@link #OVERDUE} judged at {@link #at}; appends its arguments. */
    String overdue(List<Object> args) {
        args.add(Timestamp.from(at));
        args.add(Date.valueOf(today()));
        return OVERDUE;
    }

    /** The first instant of {@code day} in the hospital's zone. */
    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
