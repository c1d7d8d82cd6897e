package org.duban.query.governance;

import org.duban.api.governance.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The governance project tables, written by the projection. Every change of the project row
 * happens only when the event is newer than the row's version; child rows are keyed by the
 * event's sequence number: a replay writes nothing twice.
 */
@Repository
class GovernanceProjectRepository {
    private final JdbcTemplate jdbc;

    GovernanceProjectRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void proposed(ProjectProposed e, Instant at, String userId, long sequence) {
        jdbc.update("""
                        insert into governance_project (project_id, title, department, summary, status, proposed_at, proposed_by, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (project_id) do nothing""",
                e.projectId(), e.title(), e.department().value(), e.summary(), ProjectStatus.PROPOSED.name(),
                Timestamp.from(at), userId, sequence);
    }

    void reviewed(ProjectReviewed e, Instant at, String userId, long sequence) {
        if (!advance(e.projectId(), sequence, "status = ?", ProjectStatus.UNDER_REVIEW.name())) return;
        jdbc.update("""
                        insert into governance_project_review (project_id, sequence, reviewer, score, comment, reviewed_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                e.projectId(), sequence, e.reviewer(), e.score(), e.comment(), Timestamp.from(at), userId);
    }

    void decided(String projectId, ProjectStatus status, String note, Instant at, long sequence) {
        advance(projectId, sequence, "status = ?, decision_note = ?, decided_at = ?", status.name(), note, Timestamp.from(at));
    }

    void stageReported(ProjectStageReported e, Instant at, String userId, long sequence) {
        if (!advance(e.projectId(), sequence, "status = ?", ProjectStatus.EXECUTING.name())) return;
        jdbc.update("""
                        insert into governance_project_stage (project_id, sequence, summary, reported_at, reported_by)
                        values (?, ?, ?, ?, ?) on conflict do nothing""",
                e.projectId(), sequence, e.summary(), Timestamp.from(at), userId);
        for (int i = 0; i < e.linkedIssueIds().size(); i++) {
            jdbc.update("""
                            insert into governance_project_stage_issue (project_id, sequence, position, issue_id)
                            values (?, ?, ?, ?) on conflict do nothing""",
                    e.projectId(), sequence, i, e.linkedIssueIds().get(i));
        }
    }

    void evaluated(ProjectEvaluated e, Instant at, long sequence) {
        advance(e.projectId(), sequence, """
                        status = ?, problem_precision = ?, measure_soundness = ?, effect_evidence = ?,
                        evaluation_average = ?, evaluation_note = ?, evaluated_at = ?""",
                ProjectStatus.EVALUATED.name(), e.problemPrecision(), e.measureSoundness(), e.effectEvidence(),
                e.average(), e.note(), Timestamp.from(at));
    }

    void concluded(ProjectConcluded e, Instant at, long sequence) {
        advance(e.projectId(), sequence, "status = ?, award = ?, conclusion_note = ?, concluded_at = ?",
                ProjectStatus.CONCLUDED.name(), e.award().name(), e.note(), Timestamp.from(at));
    }

    void deleteAll() {
        jdbc.update("delete from governance_project");
    }

    /** Sets {@code assignments} and the version when the event is newer than the row; false when it was seen before. */
    private boolean advance(String projectId, long sequence, String assignments, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = sequence;
        args[values.length + 1] = projectId;
        args[values.length + 2] = sequence;
        return jdbc.update("update governance_project set " + assignments + ", version = ? where project_id = ? and version < ?",
                args) == 1;
    }
}
