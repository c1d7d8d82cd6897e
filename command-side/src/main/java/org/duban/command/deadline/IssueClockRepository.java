package org.duban.command.deadline;

import org.duban.api.issue.DeadlineKind;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The issue_clock and issue_deadline tables of the command side. */
@Repository
class IssueClockRepository {
    private final JdbcTemplate jdbc;

    IssueClockRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClockState> load(String issueId) {
        return jdbc.query("""
                        select issue_id, status, due_date, due_at, on_hold, escalation, reminded_for, closed_on, check_reminded, version
                        from issue_clock where issue_id = ?""",
                (rs, i) -> new ClockState(rs.getString(1), IssueStatus.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5), EscalationLevel.valueOf(rs.getString(6)),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getBoolean(9), rs.getLong(10)),
                issueId).stream().findFirst();
    }

    void save(ClockState s) {
        jdbc.update("""
                        insert into issue_clock (issue_id, status, due_date, due_at, on_hold, escalation, reminded_for,
                            closed_on, check_reminded, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (issue_id) do update set status = excluded.status, due_date = excluded.due_date,
                            due_at = excluded.due_at,
                            on_hold = excluded.on_hold, escalation = excluded.escalation,
                            reminded_for = excluded.reminded_for, closed_on = excluded.closed_on,
                            check_reminded = excluded.check_reminded, version = excluded.version""",
                s.issueId(), s.status().name(), Date.valueOf(s.dueDate()), s.dueAt() == null ? null : Timestamp.from(s.dueAt()),
                s.onHold(), s.escalation().name(),
                s.remindedFor() == null ? null : Date.valueOf(s.remindedFor()),
                s.closedOn() == null ? null : Date.valueOf(s.closedOn()), s.checkReminded(), s.version());
    }

    /** Replaces the steps still to come for the issue. */
    void replaceSteps(String issueId, List<ClockStep> steps) {
        jdbc.update("delete from issue_deadline where issue_id = ?", issueId);
        for (ClockStep step : steps) {
            jdbc.update("insert into issue_deadline (issue_id, kind, due_date, fires_at, working_days, policy_version) values (?, ?, ?, ?, ?, ?)",
                    step.issueId(), step.kind().name(), Date.valueOf(step.dueDate()), Timestamp.from(step.firesAt()),
                    step.workingDays(), step.policyVersion());
        }
    }

    /**
     * Claims due steps for this transaction. SKIP LOCKED lets several command nodes poll the
     * same table: a step one node is firing is invisible to the others until it commits.
     */
    List<ClockStep> claimDue(Instant now, int limit) {
        return jdbc.query("""
                        select issue_id, kind, due_date, fires_at, working_days, policy_version from issue_deadline
                        where fires_at <= ? order by fires_at limit ? for update skip locked""",
                (rs, i) -> new ClockStep(rs.getString(1), DeadlineKind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getString(6)),
                Timestamp.from(now), limit);
    }

    void delete(ClockStep step) {
        jdbc.update("delete from issue_deadline where issue_id = ? and kind = ? and fires_at = ?",
                step.issueId(), step.kind().name(), Timestamp.from(step.firesAt()));
    }

    void deleteAll() {
        jdbc.update("delete from issue_deadline");
        jdbc.update("delete from issue_clock");
    }
}
