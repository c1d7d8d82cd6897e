package org.duban.query.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;
import org.duban.api.issueview.IssueSummary;
import org.duban.query.issuestate.IssueState;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The issue_ledger table: private to the ledger view. */
@Repository
class IssueLedgerRepository {
    /** Overdue: the same rule as {@link IssueState#isOverdueAt}, with ? = now and ? = today. */
    private static final String OVERDUE = "(status in ('REGISTERED','ASSIGNED','IN_PROGRESS','REOPENED') and not on_hold"
            + " and case when due_at is not null then due_at < ? else due_date < ? end)";

    private static final String SUMMARY_COLUMNS = """
            select issue_id, title, status, source, category, severity, owner_department, due_date, due_at,
                escalation, on_hold, version, raised_at from issue_ledger""";
    static final int STREAM_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    IssueLedgerRepository(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                          PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.json = json;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    Optional<IssueState> load(String issueId) {
        return jdbc.query("select state::text from issue_ledger where issue_id = ?",
                (rs, i) -> read(rs.getString(1)), issueId).stream().findFirst();
    }

    long version(String issueId) {
        List<Long> versions = jdbc.queryForList("select version from issue_ledger where issue_id = ?", Long.class, issueId);
        return versions.isEmpty() ? -1 : versions.getFirst();
    }

    void save(IssueState s) {
        jdbc.update("""
                        insert into issue_ledger (issue_id, title, status, source, category, severity, owner_department, departments,
                            external_ref, due_date, escalation, on_hold, version, raised_at, occurred_at, updated_at, state, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        on conflict (issue_id) do update set title = excluded.title, status = excluded.status,
                            owner_department = excluded.owner_department, departments = excluded.departments,
                            due_date = excluded.due_date, due_at = excluded.due_at, escalation = excluded.escalation,
                            on_hold = excluded.on_hold,
                            version = excluded.version, updated_at = excluded.updated_at, state = excluded.state""",
                ps -> {
                    ps.setString(1, s.id);
                    ps.setString(2, s.title);
                    ps.setString(3, s.status.name());
                    ps.setString(4, s.source.name());
                    ps.setString(5, s.category.name());
                    ps.setString(6, s.severity.name());
                    ps.setString(7, s.ownerDepartment);
                    ps.setArray(8, ps.getConnection().createArrayOf("text", s.departments().toArray()));
                    ps.setString(9, s.externalRef);
                    ps.setDate(10, s.dueDate == null ? null : Date.valueOf(s.dueDate));
                    ps.setString(11, s.escalation.name());
                    ps.setBoolean(12, s.onHold);
                    ps.setLong(13, s.version);
                    ps.setTimestamp(14, Timestamp.from(s.raisedAt));
                    ps.setTimestamp(15, Timestamp.from(s.occurredAt));
                    ps.setTimestamp(16, Timestamp.from(s.updatedAt));
                    ps.setString(17, write(s));
                    ps.setTimestamp(18, s.dueAt == null ? null : Timestamp.from(s.dueAt));
                });
    }

    /** Drops the ciphertexts of an erased subject from every issue it complained in; the subject id stays. */
    void shred(String subjectId) {
        jdbc.update("""
                update issue_ledger set state = jsonb_set(state, '{complainant}',
                    jsonb_build_object('subjectId', state->'complainant'->'subjectId', 'name', null, 'phone', null, 'idNumber', null))
                where state->'complainant'->>'subjectId' = ?""", subjectId);
    }

    void deleteAll() {
        jdbc.update("delete from issue_ledger");
    }

    /** A page of the ledger, newest first; overdue is judged at {@code now}. */
    PageResult page(IssueListFilter filter, int page, int size, Instant now, ZoneId zone) {
        Where where = where(filter, now, zone);
        Long total = jdbc.queryForObject("select count(*) from issue_ledger" + where.sql(), Long.class, where.args().toArray());
        List<Object> pageArgs = new ArrayList<>(where.args());
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<IssueSummary> items = jdbc.query(SUMMARY_COLUMNS + where.sql() + " order by raised_at desc, issue_id limit ? offset ?",
                (rs, i) -> summary(rs, now, zone), pageArgs.toArray());
        return new PageResult(items, total == null ? 0 : total);
    }

    /**
     * Every line of the ledger the filter matches, in the list's order, handed to {@code sink} as
     * it is read: for exports, which must not hold the whole ledger in memory. PostgreSQL uses a
     * cursor (and honours the fetch size) only with autocommit off, hence the read-only transaction.
     */
    void stream(IssueListFilter filter, Instant now, ZoneId zone, Consumer<? super IssueSummary> sink) {
        Where where = where(filter, now, zone);
        readOnly.executeWithoutResult(status -> streaming.query(SUMMARY_COLUMNS + where.sql() + " order by raised_at desc, issue_id",
                (RowCallbackHandler) rs -> sink.accept(summary(rs, now, zone)), where.args().toArray()));
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(IssueListFilter filter, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) { where.append(" and status = ?"); args.add(filter.status().name()); }
        if (filter.department() != null) { where.append(" and owner_department = ?"); args.add(filter.department()); }
        if (filter.category() != null) { where.append(" and category = ?"); args.add(filter.category().name()); }
        if (filter.source() != null) { where.append(" and source = ?"); args.add(filter.source().name()); }
        if (filter.escalation() != null) { where.append(" and escalation = ?"); args.add(filter.escalation().name()); }
        if (filter.visibleToDepartment() != null) { where.append(" and ? = any(departments)"); args.add(filter.visibleToDepartment()); }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and " : " and not coalesce(").append(OVERDUE).append(filter.overdue() ? "" : ", false)");
            args.add(Timestamp.from(now));
            args.add(Date.valueOf(today));
        }
        if (filter.text() != null) {
            where.append(" and (title ilike ? escape '\\' or external_ref = ?)");
            args.add("%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            args.add(filter.text());
        }
        return new Where(where.toString(), args);
    }

    record PageResult(List<IssueSummary> items, long total) {
    }

    private static IssueSummary summary(ResultSet rs, Instant now, ZoneId zone) throws SQLException {
        IssueStatus status = IssueStatus.valueOf(rs.getString("status"));
        Date due = rs.getDate("due_date");
        boolean onHold = rs.getBoolean("on_hold");
        IssueState probe = new IssueState();
        probe.status = status;
        probe.onHold = onHold;
        probe.dueDate = due == null ? null : due.toLocalDate();
        Timestamp dueAt = rs.getTimestamp("due_at");
        probe.dueAt = dueAt == null ? null : dueAt.toInstant();
        return new IssueSummary(rs.getString("issue_id"), rs.getString("title"), status,
                Source.valueOf(rs.getString("source")), Category.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), rs.getString("owner_department"), probe.dueDate,
                probe.isOverdueAt(now, zone), EscalationLevel.valueOf(rs.getString("escalation")), onHold,
                rs.getLong("version"), rs.getTimestamp("raised_at").toInstant());
    }

    private IssueState read(String document) {
        try {
            return json.readValue(document, IssueState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable issue_ledger document", e);
        }
    }

    private String write(IssueState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write issue_ledger document", e);
        }
    }
}
