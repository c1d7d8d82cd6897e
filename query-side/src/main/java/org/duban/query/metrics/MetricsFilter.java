package org.duban.query.metrics;

import org.duban.api.issue.Category;
import org.duban.api.issue.Source;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * A dashboard's filter: owner department, category, source, and the period [{@code from}, {@code to})
 * as instants (null = unbounded). Issues fall in it by business time (occurredAt), return visits by
 * their record time.
 */
record MetricsFilter(String department, Category category, Source source, Instant from, Instant to) {

    /** The filter on issue_fact columns; {@code timeColumn} is the instant the period applies to. */
    String issues(String timeColumn, List<Object> args) {
        return common(timeColumn, args);
    }

    /** The filter on feedback_fact, where the period applies to the record time. */
    String feedback(List<Object> args) {
        return common("recorded_at", args);
    }

    private String common(String timeColumn, List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (department != null) { where.append(" and owner_department = ?"); args.add(department); }
        if (category != null) { where.append(" and category = ?"); args.add(category.name()); }
        if (source != null) { where.append(" and source = ?"); args.add(source.name()); }
        if (from != null) { where.append(" and ").append(timeColumn).append(" >= ?"); args.add(Timestamp.from(from)); }
        if (to != null) { where.append(" and ").append(timeColumn).append(" < ?"); args.add(Timestamp.from(to)); }
        return where.toString();
    }

    MetricsFilter withPeriod(Instant from, Instant to) {
        return new MetricsFilter(department, category, source, from, to);
    }
}
