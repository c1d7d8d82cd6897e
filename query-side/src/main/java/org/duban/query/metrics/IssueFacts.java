package org.duban.query.metrics;

import org.duban.api.dashboard.AgeBucket;
import org.duban.api.dashboard.Counts;
import org.duban.api.dashboard.CycleTime;
import org.duban.api.dashboard.WallCard;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the metrics rows for the dashboard, the wall chart and the trends. Every query takes a
 * {@link Knowledge}: the current rows (issue_current) or the rows valid at an instant (issue_fact);
 * the rest is the same SQL.
 */
@Repository
class IssueFacts {
    static final String OPEN = "status not in ('CLOSED','EFFECTIVE','WITHDRAWN')";
    static final String CLOSED = "status in ('CLOSED','EFFECTIVE')";
    /** Days past due, calendar days: a date-based deadline from the day after it, an instant from the instant. */
    private static final String DAYS_PAST_DUE = "case when due_at is not null"
            + " then floor(extract(epoch from (?::timestamptz - due_at)) / 86400)::int + 1 else ?::date - due_date end";
    /** Bucket bounds of the overdue ageing, in calendar days past due. */
    private static final int[][] AGE_BUCKETS = {{1, 3}, {4, 7}, {8, 15}, {16, 30}, {31, -1}};

    private final JdbcTemplate jdbc;

    IssueFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per owner department (null: not assigned yet) and, summed from those, for the whole cohort.
     * The counts add up, so the total is not a second aggregation pass; the cycle time's
     * percentiles do not, so they are one more query over the closed issues only.
     */
    List<IssueTally> tallies(MetricsFilter filter, Knowledge k) {
        List<Object> args = new ArrayList<>();
        String overdue = k.overdue(args);
        args.add(Date.valueOf(k.today()));
        String rows = k.rows(args);
        String where = filter.issues("occurred_at", args);
        List<IssueTally> tallies = new ArrayList<>(jdbc.query("""
                        select owner_department,
                            count(*) as raised,
                            count(*) filter (where %1$s) as open,
                            count(*) filter (where %3$s) as overdue,
                            count(*) filter (where %2$s) as closed,
                            count(*) filter (where status = 'EFFECTIVE') as effective,
                            count(*) filter (where reopened > 0) as reopened,
                            count(*) filter (where status = 'WITHDRAWN') as withdrawn,
                            count(*) filter (where acknowledged_on_time) as acknowledged_on_time,
                            count(*) filter (where acknowledged_at is not null
                                or (acknowledge_due_date < ? and status <> 'WITHDRAWN')) as acknowledgement_due,
                            count(*) filter (where %2$s and closed_on_time) as closed_on_time,
                            count(*) filter (where %2$s and loop_complete) as loop_complete,
                            count(*) filter (where effective) + coalesce(sum(reopened), 0) as effectiveness_checks,
                            coalesce(sum(reopened), 0) as recurrences,
                            coalesce(sum(extension_requests), 0) as extension_requests
                        from %6$s where %4$s%5$s
                        group by owner_department""".formatted(OPEN, CLOSED, overdue, rows, where, k.table()),
                IssueFacts::tally, args.toArray()));
        tallies.add(IssueTally.total(tallies, cycleTime(filter, k)));
        return tallies;
    }

    /** Median and p90 of the days from business time to 销号 of the cohort's closed issues, in one sort. */
    private CycleTime cycleTime(MetricsFilter filter, Knowledge k) {
        List<Object> args = new ArrayList<>();
        String rows = k.rows(args);
        String where = filter.issues("occurred_at", args);
        return jdbc.queryForObject("select percentile_cont(array[0.5, 0.9]) within group"
                        + " (order by extract(epoch from closed_at - occurred_at) / 86400)"
                        + " from " + k.table() + " where " + rows + " and " + CLOSED + where,
                (rs, i) -> {
                    java.sql.Array a = rs.getArray(1);
                    if (a == null) return new CycleTime(null, null);
                    Object[] p = (Object[]) a.getArray();
                    return new CycleTime(p[0] == null ? null : ((Number) p[0]).doubleValue(),
                            p[1] == null ? null : ((Number) p[1]).doubleValue());
                }, args.toArray());
    }

    /** Open overdue issues of the cohort by calendar days past due. */
    List<AgeBucket> ageing(MetricsFilter filter, Knowledge k) {
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(k.at()));
        args.add(Date.valueOf(k.today()));
        String rows = k.rows(args);
        String overdue = k.overdue(args);
        String where = filter.issues("occurred_at", args);
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < AGE_BUCKETS.length; i++) {
            int[] b = AGE_BUCKETS[i];
            if (i > 0) select.append(", ");
            select.append("count(*) filter (where days >= ").append(b[0])
                    .append(b[1] < 0 ? "" : " and days <= " + b[1]).append(")");
        }
        return jdbc.queryForObject(select + " from (select " + DAYS_PAST_DUE + " as days from " + k.table() + " where "
                + rows + " and " + overdue + where + ") overdue_issues", (rs, n) -> {
            List<AgeBucket> buckets = new ArrayList<>();
            for (int i = 0; i < AGE_BUCKETS.length; i++) {
                int[] b = AGE_BUCKETS[i];
                String label = b[1] < 0 ? b[0] + "天以上" : b[0] + "–" + b[1] + "天";
                buckets.add(new AgeBucket(label, b[0], b[1] < 0 ? null : b[1], rs.getLong(i + 1)));
            }
            return buckets;
        }, args.toArray());
    }

    /** Open issues' counts per owner department by status and by escalation colour. */
    List<WallCount> wallCounts(String department, Knowledge k) {
        List<Object> args = new ArrayList<>();
        String rows = k.rows(args);
        String where = department(department, args);
        return jdbc.query("""
                        select owner_department, status, escalation, grouping(status) = 1 as by_escalation, count(*) as n
                        from %s where %s and %s%s
                        group by grouping sets ((owner_department, status), (owner_department, escalation))"""
                        .formatted(k.table(), rows, OPEN, where),
                (rs, i) -> new WallCount(rs.getString("owner_department"),
                        rs.getBoolean("by_escalation") ? null : IssueStatus.valueOf(rs.getString("status")),
                        rs.getBoolean("by_escalation") ? EscalationLevel.valueOf(rs.getString("escalation")) : null,
                        rs.getLong("n")),
                args.toArray());
    }

    record WallCount(String department, IssueStatus status, EscalationLevel escalation, long count) {
    }

    /** Per owner department, its {@code perDepartment} most urgent open issues: RED, YELLOW, BLUE, overdue, due date. */
    List<DepartmentCard> wallCards(String department, Knowledge k, int perDepartment) {
        List<Object> args = new ArrayList<>();
        String overdue = k.overdue(args);
        String rows = k.rows(args);
        String where = department(department, args);
        args.add(perDepartment);
        return jdbc.query("""
                        select * from (
                            select owner_department, issue_id, title, status, escalation, due_date, overdue,
                                row_number() over (partition by owner_department order by
                                    case escalation when 'RED' then 0 when 'YELLOW' then 1 when 'BLUE' then 2 else 3 end,
                                    overdue desc, coalesce(due_at, due_date::timestamptz) nulls last, raised_at, issue_id) as place
                            from (select *, coalesce(%s, false) as overdue from %s where %s and %s%s) open_issues
                        ) ranked where place <= ? order by owner_department nulls last, place"""
                        .formatted(overdue, k.table(), rows, OPEN, where),
                (rs, i) -> {
                    Date due = rs.getDate("due_date");
                    return new DepartmentCard(rs.getString("owner_department"), new WallCard(rs.getString("issue_id"),
                            rs.getString("title"), IssueStatus.valueOf(rs.getString("status")),
                            EscalationLevel.valueOf(rs.getString("escalation")), due == null ? null : due.toLocalDate(),
                            rs.getBoolean("overdue")));
                },
                args.toArray());
    }

    record DepartmentCard(String department, WallCard card) {
    }

    /**
     * Issues raised (business time) and closed (record time of 销号, still closed at the instant)
     * in each interval between consecutive {@code bounds}; index i counts [bounds[i], bounds[i+1]).
     */
    long[][] raisedAndClosed(MetricsFilter filter, Knowledge k, List<Instant> bounds) {
        String thresholds = thresholds(bounds);
        long[][] out = new long[2][bounds.size() - 1];
        String[] columns = {"occurred_at", "closed_at"};
        for (int c = 0; c < columns.length; c++) {
            List<Object> args = new ArrayList<>();
            args.add(thresholds);
            String rows = k.rows(args);
            String where = filter.withPeriod(bounds.getFirst(), bounds.getLast()).issues(columns[c], args);
            long[] counts = out[c];
            jdbc.query("select width_bucket(" + columns[c] + ", (select ?::timestamptz[])) as bucket, count(*) as n from " + k.table()
                    + " where " + rows + where + (c == 1 ? " and " + CLOSED : "") + " group by bucket", rs -> {
                int bucket = rs.getInt("bucket");
                if (bucket >= 1 && bucket <= counts.length) counts[bucket - 1] = rs.getLong("n");
            }, args.toArray());
        }
        return out;
    }

    /** Return visits (records, satisfied, basically satisfied) in each interval between consecutive {@code bounds}. */
    long[][] feedbackByInterval(MetricsFilter filter, Instant knownAt, List<Instant> bounds) {
        long[][] out = new long[3][bounds.size() - 1];
        List<Object> args = new ArrayList<>();
        args.add(thresholds(bounds));
        args.add(Timestamp.from(knownAt));
        String where = filter.withPeriod(bounds.getFirst(), bounds.getLast()).feedback(args);
        jdbc.query("""
                select width_bucket(recorded_at, (select ?::timestamptz[])) as bucket, count(*) as n,
                    count(*) filter (where satisfaction = 'SATISFIED') as satisfied,
                    count(*) filter (where satisfaction = 'BASICALLY_SATISFIED') as basically
                from feedback_fact where recorded_at <= ?""" + where + " group by bucket", rs -> {
            int bucket = rs.getInt("bucket");
            if (bucket >= 1 && bucket <= out[0].length) {
                out[0][bucket - 1] = rs.getLong("n");
                out[1][bucket - 1] = rs.getLong("satisfied");
                out[2][bucket - 1] = rs.getLong("basically");
            }
        }, args.toArray());
        return out;
    }

    /**
     * The bounds as one text parameter. The queries cast it in a scalar subquery, so PostgreSQL
     * parses it once; cast inline, it parsed the array text again for every row. At 100,000
     * issues that was 2.2 s instead of 0.1 s for one trends query.
     */
    private static String thresholds(List<Instant> bounds) {
        StringBuilder s = new StringBuilder("{");
        for (Instant b : bounds) s.append(s.length() > 1 ? "," : "").append('"').append(b).append('"');
        return s.append('}').toString();
    }

    private static String department(String department, List<Object> args) {
        if (department == null) return "";
        args.add(department);
        return " and owner_department = ?";
    }

    private static IssueTally tally(ResultSet rs, int i) throws SQLException {
        Counts counts = new Counts(rs.getLong("raised"), rs.getLong("open"), rs.getLong("overdue"), rs.getLong("closed"),
                rs.getLong("effective"), rs.getLong("reopened"), rs.getLong("withdrawn"));
        return new IssueTally(rs.getString("owner_department"), false, counts,
                rs.getLong("acknowledged_on_time"), rs.getLong("acknowledgement_due"), rs.getLong("closed_on_time"),
                rs.getLong("loop_complete"), rs.getLong("effectiveness_checks"), rs.getLong("recurrences"),
                rs.getLong("extension_requests"), new CycleTime(null, null));
    }
}
