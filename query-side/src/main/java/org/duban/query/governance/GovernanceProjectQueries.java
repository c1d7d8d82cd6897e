package org.duban.query.governance;

import org.duban.api.governance.AwardLevel;
import org.duban.api.governance.ProjectStatus;
import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the governance project view: the ranking and one project's page. */
@Repository
class GovernanceProjectQueries {
    private static final String REVIEW_AVERAGES = """
            (select project_id, round(avg(score), 2) as review_average, count(*) as review_count
             from governance_project_review group by project_id)""";

    private final JdbcTemplate jdbc;
    private final DepartmentDirectory departments;

    GovernanceProjectQueries(JdbcTemplate jdbc, DepartmentDirectory departments) {
        this.jdbc = jdbc;
        this.departments = departments;
    }

    /** The project's version, -1 while the view has not seen it. */
    long version(String projectId) {
        Long version = jdbc.queryForObject("select max(version) from governance_project where project_id = ?", Long.class, projectId);
        return version == null ? -1 : version;
    }

    ProjectRanking ranking() {
        List<ProjectRanking.Entry> entries = jdbc.query("""
                select p.project_id, p.title, p.department, p.status, p.award, p.version, p.evaluation_average,
                       r.review_average, coalesce(r.review_count, 0) as review_count,
                       coalesce(p.evaluation_average, r.review_average) as score,
                       rank() over (order by coalesce(p.evaluation_average, r.review_average) desc nulls last) as rank
                from governance_project p left join %s r on r.project_id = p.project_id
                order by score desc nulls last, p.proposed_at, p.project_id""".formatted(REVIEW_AVERAGES),
                (rs, i) -> {
                    BigDecimal score = rs.getBigDecimal("score");
                    String department = rs.getString("department");
                    return new ProjectRanking.Entry(score == null ? null : rs.getInt("rank"), rs.getString("project_id"),
                            rs.getString("title"), department, departmentName(department),
                            ProjectStatus.valueOf(rs.getString("status")), award(rs.getString("award")), score,
                            rs.getBigDecimal("review_average"), rs.getInt("review_count"),
                            rs.getBigDecimal("evaluation_average"), rs.getLong("version"));
                });
        return new ProjectRanking(entries);
    }

    Optional<ProjectDetail> detail(String projectId) {
        List<ProjectDetail.Review> reviews = jdbc.query("""
                        select reviewer, score, comment, reviewed_at, recorded_by from governance_project_review
                        where project_id = ? order by sequence""",
                (rs, i) -> new ProjectDetail.Review(rs.getString(1), rs.getInt(2), rs.getString(3), instant(rs, 4),
                        rs.getString(5)), projectId);
        List<ProjectDetail.Stage> stages = stages(projectId);
        List<String> linked = new ArrayList<>(new LinkedHashSet<>(stages.stream()
                .flatMap(s -> s.linkedIssueIds().stream()).toList()));
        BigDecimal reviewAverage = reviews.isEmpty() ? null : BigDecimal.valueOf(reviews.stream()
                        .mapToLong(ProjectDetail.Review::score).sum())
                .divide(BigDecimal.valueOf(reviews.size()), 2, RoundingMode.HALF_UP);
        return jdbc.query("select * from governance_project where project_id = ?", (rs, i) -> {
            ProjectStatus status = ProjectStatus.valueOf(rs.getString("status"));
            Instant decidedAt = instant(rs, "decided_at");
            ProjectDetail.Decision decision = decidedAt == null ? null
                    : new ProjectDetail.Decision(status != ProjectStatus.REJECTED, rs.getString("decision_note"), decidedAt);
            BigDecimal evaluationAverage = rs.getBigDecimal("evaluation_average");
            ProjectDetail.Evaluation evaluation = evaluationAverage == null ? null : new ProjectDetail.Evaluation(
                    rs.getInt("problem_precision"), rs.getInt("measure_soundness"), rs.getInt("effect_evidence"),
                    evaluationAverage, rs.getString("evaluation_note"), instant(rs, "evaluated_at"));
            String award = rs.getString("award");
            ProjectDetail.Conclusion conclusion = award == null ? null
                    : new ProjectDetail.Conclusion(award(award), rs.getString("conclusion_note"), instant(rs, "concluded_at"));
            String department = rs.getString("department");
            return new ProjectDetail(rs.getString("project_id"), rs.getString("title"), department,
                    departmentName(department), rs.getString("summary"), status, instant(rs, "proposed_at"),
                    rs.getString("proposed_by"), reviews, reviewAverage, decision, stages, linked, evaluation, conclusion,
                    evaluationAverage != null ? evaluationAverage : reviewAverage, rs.getLong("version"));
        }, projectId).stream().findFirst();
    }

    private List<ProjectDetail.Stage> stages(String projectId) {
        Map<Long, List<String>> issues = new LinkedHashMap<>();
        jdbc.query("""
                        select sequence, issue_id from governance_project_stage_issue
                        where project_id = ? order by sequence, position""",
                rs -> {
                    issues.computeIfAbsent(rs.getLong(1), s -> new ArrayList<>()).add(rs.getString(2));
                }, projectId);
        return jdbc.query("""
                        select sequence, summary, reported_at, reported_by from governance_project_stage
                        where project_id = ? order by sequence""",
                (rs, i) -> new ProjectDetail.Stage(rs.getString(2), List.copyOf(issues.getOrDefault(rs.getLong(1), List.of())),
                        instant(rs, 3), rs.getString(4)), projectId);
    }

    private String departmentName(String code) {
        return departments.find(code).map(Department::name).orElse(null);
    }

    private static AwardLevel award(String award) {
        return award == null ? null : AwardLevel.valueOf(award);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
