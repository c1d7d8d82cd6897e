package org.duban.query.inspection;

import org.duban.api.inspection.FindingRecorded;
import org.duban.api.inspection.RoundPlanned;
import org.duban.api.issue.IssueRaised;
import org.duban.api.issue.IssueStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The inspection round tables: written by {@link InspectionRoundProjection}, read by the
 * controller. {@code department} limits what a department user sees to the findings its
 * department owns or was named in (null: everything).
 */
@Repository
class InspectionRoundRepository {
    private static final String DONE = "('" + IssueStatus.CLOSED + "', '" + IssueStatus.EFFECTIVE + "')";
    private static final String ENDED = "('" + IssueStatus.CLOSED + "', '" + IssueStatus.EFFECTIVE + "', '"
            + IssueStatus.WITHDRAWN + "')";
    private static final String VISIBLE = "(cast(? as varchar) is null or f.department = ? or i.owner_department = ?)";

    private final JdbcTemplate jdbc;

    InspectionRoundRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void planned(RoundPlanned e, long sequence, Instant at, String userId) {
        String departments = "{" + String.join(",", e.departments().stream().map(Object::toString).toList()) + "}";
        jdbc.update("""
                        insert into inspection_round (round_id, title, kind, planned_date, departments, version, planned_at, planned_by)
                        values (?, ?, ?, ?, cast(? as text[]), ?, ?, ?) on conflict (round_id) do nothing""",
                e.roundId(), e.title(), e.kind().name(), e.plannedDate() == null ? null : Date.valueOf(e.plannedDate()),
                departments, sequence, Timestamp.from(at), userId);
    }

    void findingRecorded(FindingRecorded e, long sequence, Instant at, String userId) {
        jdbc.update("""
                        insert into inspection_finding (round_id, finding_id, sequence, issue_id, title, category, severity,
                                                        department, step, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (round_id, finding_id) do nothing""",
                e.roundId(), e.findingId(), sequence, e.issueId().value(), e.title(), e.category().name(), e.severity().name(),
                e.department() == null ? null : e.department().value(), e.step() == null ? null : e.step().name(),
                Timestamp.from(at), userId);
        advance(e.roundId(), sequence);
    }

    void closed(String roundId, long sequence) {
        jdbc.update("update inspection_round set closed = true, version = ? where round_id = ? and version < ?",
                sequence, roundId, sequence);
    }

    void issueRaised(IssueRaised e, long sequence, Instant at) {
        jdbc.update("""
                        insert into inspection_issue (issue_id, round_id, source, status, version, updated_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (issue_id) do nothing""",
                e.issueId().value(), e.inspectionRoundId(), e.source().name(), IssueStatus.REGISTERED.name(), sequence,
                Timestamp.from(at));
    }

    /** Only issues raised by a finding have a row; for every other issue this changes nothing. */
    void issueStatus(String issueId, IssueStatus status, long sequence, Instant at) {
        jdbc.update("update inspection_issue set status = ?, version = ?, updated_at = ? where issue_id = ? and version < ?",
                status.name(), sequence, Timestamp.from(at), issueId, sequence);
    }

    void issueOwner(String issueId, String owner, IssueStatus status, long sequence, Instant at) {
        jdbc.update("""
                        update inspection_issue set owner_department = ?, status = ?, version = ?, updated_at = ?
                        where issue_id = ? and version < ?""",
                owner, status.name(), sequence, Timestamp.from(at), issueId, sequence);
    }

    void deleteAll() {
        jdbc.update("delete from inspection_issue");
        jdbc.update("delete from inspection_finding");
        jdbc.update("delete from inspection_round");
    }

    /** The round's version, or -1 while the view does not know the round. */
    long version(String roundId) {
        List<Long> v = jdbc.queryForList("select version from inspection_round where round_id = ?", Long.class, roundId);
        return v.isEmpty() ? -1 : v.getFirst();
    }

    List<RoundSummary> list(String department, int limit, int offset) {
        return jdbc.query("""
                        select r.*,
                               count(f.finding_id) as findings,
                               count(f.finding_id) filter (where i.status is null or i.status not in %s) as open_findings,
                               count(f.finding_id) filter (where i.status in %s) as closed_findings
                        from inspection_round r
                        left join (inspection_finding f left join inspection_issue i on i.issue_id = f.issue_id)
                               on f.round_id = r.round_id and %s
                        group by r.round_id
                        order by r.planned_at desc, r.round_id
                        limit ? offset ?""".formatted(ENDED, DONE, VISIBLE),
                (rs, n) -> new RoundSummary(rs.getString("round_id"), rs.getString("title"), rs.getString("kind"),
                        localDate(rs, "planned_date"), departments(rs), status(rs), rs.getLong("version"),
                        rs.getLong("findings"), rs.getLong("open_findings"), rs.getLong("closed_findings")),
                department, department, department, limit, offset);
    }

    Optional<RoundView> find(String roundId, String department) {
        List<RoundView> found = jdbc.query("select * from inspection_round r where r.round_id = ?",
                (rs, n) -> new RoundView(rs.getString("round_id"), rs.getString("title"), rs.getString("kind"),
                        localDate(rs, "planned_date"), departments(rs), status(rs), rs.getLong("version"),
                        rs.getTimestamp("planned_at").toInstant(), rs.getString("planned_by"), List.of(), null),
                roundId);
        if (found.isEmpty()) return Optional.empty();
        List<RoundView.Finding> findings = jdbc.query("""
                        select f.*, i.status as issue_status, i.source, i.owner_department
                        from inspection_finding f left join inspection_issue i on i.issue_id = f.issue_id
                        where f.round_id = ? and %s order by f.sequence""".formatted(VISIBLE),
                FINDING, roundId, department, department, department);
        return Optional.of(found.getFirst().with(findings));
    }

    private static final RowMapper<RoundView.Finding> FINDING = (rs, n) -> new RoundView.Finding(
            rs.getString("finding_id"), rs.getString("issue_id"), rs.getString("title"), rs.getString("category"),
            rs.getString("severity"), rs.getString("department"), rs.getString("step"),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), rs.getString("source"),
            rs.getString("issue_status"), rs.getString("owner_department"));

    private void advance(String roundId, long sequence) {
        jdbc.update("update inspection_round set version = ? where round_id = ? and version < ?", sequence, roundId, sequence);
    }

    private static String status(ResultSet rs) throws SQLException {
        return rs.getBoolean("closed") ? "CLOSED" : "OPEN";
    }

    private static java.time.LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static List<String> departments(ResultSet rs) throws SQLException {
        Array array = rs.getArray("departments");
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
