package org.duban.query.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.issue.FeedbackRecorded;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.LoopStage;
import org.duban.query.issuestate.IssueState;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;

/** Writes issue_fact and feedback_fact: the projection's side of the metrics tables. */
@Repository
class IssueFactStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ZoneId zone;

    IssueFactStore(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.zone = clock.getZone();
    }

    /** The folded state on the issue's current row. */
    Optional<IssueState> current(String issueId) {
        return jdbc.query("select state::text from issue_fact where issue_id = ? and known_to is null",
                (rs, i) -> read(rs.getString(1)), issueId).stream().findFirst();
    }

    /** Closes the current row at {@code at} (dropping its working state) and inserts {@code s} as the new current row. */
    void supersede(IssueState s, Instant at) {
        jdbc.update("update issue_fact set known_to = ?, state = null where issue_id = ? and known_to is null",
                Timestamp.from(at), s.id);
        jdbc.update("""
                        insert into issue_fact (issue_id, version, known_from, known_to, title, status, source, category, severity,
                            owner_department, departments, external_ref, acknowledge_due_date, acknowledged_at, acknowledged_on_time,
                            due_date, due_at, on_hold, escalation, occurred_at, raised_at, closed_at, closed_on_time, reopened,
                            extension_requests, extension_approvals, loop_complete, effective, recurrence_flagged, state)
                        values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        on conflict (issue_id, version) do nothing""",
                ps -> {
                    int i = 0;
                    ps.setString(++i, s.id);
                    ps.setLong(++i, s.version);
                    ps.setTimestamp(++i, Timestamp.from(at));
                    ps.setString(++i, s.title);
                    ps.setString(++i, s.status.name());
                    ps.setString(++i, s.source.name());
                    ps.setString(++i, s.category.name());
                    ps.setString(++i, s.severity.name());
                    ps.setString(++i, s.ownerDepartment);
                    ps.setArray(++i, ps.getConnection().createArrayOf("text", s.departments().toArray()));
                    ps.setString(++i, s.externalRef);
                    ps.setDate(++i, date(s.acknowledgeDueDate));
                    ps.setTimestamp(++i, timestamp(s.acknowledgedAt));
                    ps.setObject(++i, acknowledgedOnTime(s));
                    ps.setDate(++i, date(s.dueDate));
                    ps.setTimestamp(++i, timestamp(s.dueAt));
                    ps.setBoolean(++i, s.onHold);
                    ps.setString(++i, s.escalation.name());
                    ps.setTimestamp(++i, Timestamp.from(s.occurredAt));
                    ps.setTimestamp(++i, Timestamp.from(s.raisedAt));
                    ps.setTimestamp(++i, timestamp(s.closedAt));
                    ps.setObject(++i, closedOnTime(s));
                    ps.setInt(++i, s.reopenCount);
                    ps.setInt(++i, s.extensions.size());
                    ps.setInt(++i, (int) s.extensions.stream().filter(x -> "APPROVED".equals(x.decision())).count());
                    ps.setBoolean(++i, s.completedLoopStages.containsAll(EnumSet.allOf(LoopStage.class)));
                    ps.setBoolean(++i, s.status == IssueStatus.EFFECTIVE);
                    ps.setBoolean(++i, !s.recurrenceOf.isEmpty());
                    ps.setString(++i, write(s));
                });
        // The narrow copy the "now" dashboards read; a redelivered older version never overwrites a newer one.
        jdbc.update("""
                        insert into issue_current
                        select issue_id, version, known_from, title, status, source, category, severity, owner_department,
                            departments, external_ref, acknowledge_due_date, acknowledged_at, acknowledged_on_time, due_date,
                            due_at, on_hold, escalation, occurred_at, raised_at, closed_at, closed_on_time, reopened,
                            extension_requests, extension_approvals, loop_complete, effective, recurrence_flagged
                        from issue_fact where issue_id = ? and version = ?
                        on conflict (issue_id) do update set version = excluded.version, known_from = excluded.known_from,
                            title = excluded.title, status = excluded.status, source = excluded.source,
                            category = excluded.category, severity = excluded.severity,
                            owner_department = excluded.owner_department, departments = excluded.departments,
                            external_ref = excluded.external_ref, acknowledge_due_date = excluded.acknowledge_due_date,
                            acknowledged_at = excluded.acknowledged_at, acknowledged_on_time = excluded.acknowledged_on_time,
                            due_date = excluded.due_date, due_at = excluded.due_at, on_hold = excluded.on_hold,
                            escalation = excluded.escalation, occurred_at = excluded.occurred_at,
                            raised_at = excluded.raised_at, closed_at = excluded.closed_at,
                            closed_on_time = excluded.closed_on_time, reopened = excluded.reopened,
                            extension_requests = excluded.extension_requests,
                            extension_approvals = excluded.extension_approvals, loop_complete = excluded.loop_complete,
                            effective = excluded.effective, recurrence_flagged = excluded.recurrence_flagged
                        where issue_current.version < excluded.version""", s.id, s.version);
    }

    void feedback(IssueState s, FeedbackRecorded e, Instant at, long sequence) {
        jdbc.update("""
                        insert into feedback_fact (issue_id, sequence, recorded_at, owner_department, category, source, contacted,
                            resolved, satisfaction) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (issue_id, sequence) do nothing""",
                s.id, sequence, Timestamp.from(at), s.ownerDepartment, s.category.name(), s.source.name(), e.contacted(),
                e.resolved(), e.satisfaction() == null ? null : e.satisfaction().name());
    }

    void deleteAll() {
        jdbc.update("delete from issue_current");
        jdbc.update("delete from issue_fact");
        jdbc.update("delete from feedback_fact");
    }

    /** Acknowledged on or before the acknowledge due date (a day in the hospital's zone); null until acknowledged. */
    private Boolean acknowledgedOnTime(IssueState s) {
        if (s.acknowledgedAt == null) return null;
        return s.acknowledgeDueDate == null || !LocalDate.ofInstant(s.acknowledgedAt, zone).isAfter(s.acknowledgeDueDate);
    }

    /** Closed (销号) by the due instant, or on or before the due date; null while not closed. */
    private Boolean closedOnTime(IssueState s) {
        if (s.closedAt == null) return null;
        if (s.dueAt != null) return !s.closedAt.isAfter(s.dueAt);
        return s.dueDate == null || !LocalDate.ofInstant(s.closedAt, zone).isAfter(s.dueDate);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Timestamp timestamp(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private IssueState read(String document) {
        try {
            return json.readValue(document, IssueState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable issue_fact state", e);
        }
    }

    /**
     * The working state without the complainant: no metric needs personal data, so this read
     * model never holds any (not even sealed) and an erasure has nothing to purge here.
     */
    private String write(IssueState state) {
        var complainant = state.complainant;
        state.complainant = null;
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write issue_fact state", e);
        } finally {
            state.complainant = complainant;
        }
    }
}
