package org.duban.query.metrics;

import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;
import org.duban.api.issueview.IssuePage;
import org.duban.api.issueview.IssueSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The issue list (台账) as the system knew it at an instant, from the fact rows valid then:
 * the same filters, fields and order as the current list, overdue judged at that instant.
 */
@Repository
public class AsOfIssueList {
    private final JdbcTemplate jdbc;

    AsOfIssueList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The list filters; {@code visibleToDepartment} limits a department user to its own and co-handled issues. */
    public record Query(IssueStatus status, String department, Category category, Source source,
                        EscalationLevel escalation, Boolean overdue, String text, String visibleToDepartment) {
    }

    public IssuePage page(Query q, int page, int size, Knowledge k) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where ").append(k.rows(args));
        if (q.status() != null) { where.append(" and status = ?"); args.add(q.status().name()); }
        if (q.department() != null) { where.append(" and owner_department = ?"); args.add(q.department()); }
        if (q.category() != null) { where.append(" and category = ?"); args.add(q.category().name()); }
        if (q.source() != null) { where.append(" and source = ?"); args.add(q.source().name()); }
        if (q.escalation() != null) { where.append(" and escalation = ?"); args.add(q.escalation().name()); }
        if (q.visibleToDepartment() != null) { where.append(" and ? = any(departments)"); args.add(q.visibleToDepartment()); }
        if (q.overdue() != null) {
            String overdue = k.overdue(args);
            where.append(q.overdue() ? " and " + overdue : " and not coalesce(" + overdue + ", false)");
        }
        if (q.text() != null) {
            where.append(" and (title ilike ? escape '\\' or external_ref = ?)");
            args.add("%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            args.add(q.text());
        }
        Long total = jdbc.queryForObject("select count(*) from issue_fact" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>();
        String overdue = k.overdue(pageArgs);
        pageArgs.addAll(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<IssueSummary> items = jdbc.query("select issue_id, title, status, source, category, severity, owner_department,"
                        + " due_date, coalesce(" + overdue + ", false) as overdue, escalation, on_hold, version, raised_at"
                        + " from issue_fact" + where + " order by raised_at desc, issue_id limit ? offset ?",
                AsOfIssueList::summary, pageArgs.toArray());
        long count = total == null ? 0 : total;
        return new IssuePage(items, page, size, count, (int) ((count + size - 1) / size));
    }

    private static IssueSummary summary(ResultSet rs, int i) throws SQLException {
        Date due = rs.getDate("due_date");
        return new IssueSummary(rs.getString("issue_id"), rs.getString("title"), IssueStatus.valueOf(rs.getString("status")),
                Source.valueOf(rs.getString("source")), Category.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), rs.getString("owner_department"),
                due == null ? null : due.toLocalDate(), rs.getBoolean("overdue"),
                EscalationLevel.valueOf(rs.getString("escalation")), rs.getBoolean("on_hold"), rs.getLong("version"),
                rs.getTimestamp("raised_at").toInstant());
    }
}
