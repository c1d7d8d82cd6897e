package org.duban.command.governance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.actor.Role;
import org.duban.api.department.DepartmentCode;
import org.duban.api.governance.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.duban.api.actor.ActorMetaData.DEPARTMENT;
import static org.duban.api.actor.ActorMetaData.ROLE;
import static org.duban.api.governance.ProjectStatus.*;

/**
 * A governance project (主动治理课题), managed like a research topic (DOMAIN.md): 申报, 评审 by
 * several experts, 立项 or rejection, 执行 with stage reports, 效果评价, 结题考核 with an award.
 * Roles are checked at the edge (CommandApiSecurity); the department scoping is checked here.
 * Handlers answer the project's version after the command.
 */
@Aggregate
class GovernanceProject {
    @AggregateIdentifier
    private String projectId;
    private ProjectStatus status;
    private DepartmentCode department;
    private final Set<String> reviewers = new HashSet<>();

    GovernanceProject() {
        // for event sourcing
    }

    @CommandHandler
    GovernanceProject(ProposeProject cmd, @MetaDataValue(ROLE) String actorRole,
                      @MetaDataValue(DEPARTMENT) String actorDepartment) {
        if (cmd.title() == null || cmd.title().isBlank()) throw ProjectRefusals.titleMissing();
        if (cmd.department() == null) throw ProjectRefusals.departmentMissing();
        if (Role.DEPARTMENT.name().equals(actorRole) && !cmd.department().value().equals(actorDepartment)) {
            throw ProjectRefusals.notOwnerDepartment(cmd.department(), actorDepartment);
        }
        apply(new ProjectProposed(cmd.projectId(), cmd.title().strip(), cmd.department(), cmd.summary()));
    }

    @CommandHandler
    long handle(ReviewProject cmd) {
        requireStatus("review", PROPOSED, UNDER_REVIEW);
        if (cmd.reviewer() == null || cmd.reviewer().isBlank()) throw ProjectRefusals.reviewerMissing();
        requireScore("score", cmd.score());
        String reviewer = cmd.reviewer().strip();
        if (reviewers.contains(reviewer)) throw ProjectRefusals.alreadyReviewed(reviewer);
        apply(new ProjectReviewed(projectId, reviewer, cmd.score(), cmd.comment()));
        return version();
    }

    @CommandHandler
    long handle(DecideProject cmd) {
        requireStatus("decide", UNDER_REVIEW);
        apply(cmd.approved() ? new ProjectApproved(projectId, cmd.note()) : new ProjectRejected(projectId, cmd.note()));
        return version();
    }

    @CommandHandler
    long handle(ReportProjectStage cmd, @MetaDataValue(DEPARTMENT) String actorDepartment) {
        requireStatus("report a stage of", APPROVED, EXECUTING);
        if (!department.value().equals(actorDepartment)) throw ProjectRefusals.notOwnerDepartment(department, actorDepartment);
        if (cmd.summary() == null || cmd.summary().isBlank()) throw ProjectRefusals.summaryMissing();
        apply(new ProjectStageReported(projectId, cmd.summary(), issueIds(cmd.linkedIssueIds())));
        return version();
    }

    @CommandHandler
    long handle(EvaluateProject cmd) {
        requireStatus("evaluate", EXECUTING);
        requireScore("problemPrecision", cmd.problemPrecision());
        requireScore("measureSoundness", cmd.measureSoundness());
        requireScore("effectEvidence", cmd.effectEvidence());
        BigDecimal average = BigDecimal.valueOf((long) cmd.problemPrecision() + cmd.measureSoundness() + cmd.effectEvidence())
                .divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
        apply(new ProjectEvaluated(projectId, cmd.problemPrecision(), cmd.measureSoundness(), cmd.effectEvidence(),
                average, cmd.note()));
        return version();
    }

    @CommandHandler
    long handle(ConcludeProject cmd) {
        requireStatus("conclude", EVALUATED);
        if (cmd.award() == null) throw ProjectRefusals.awardMissing();
        apply(new ProjectConcluded(projectId, cmd.award(), cmd.note()));
        return version();
    }

    @EventSourcingHandler
    void on(ProjectProposed e) {
        projectId = e.projectId();
        department = e.department();
        status = PROPOSED;
    }

    @EventSourcingHandler
    void on(ProjectReviewed e) {
        reviewers.add(e.reviewer());
        status = UNDER_REVIEW;
    }

    @EventSourcingHandler
    void on(ProjectApproved e) {
        status = APPROVED;
    }

    @EventSourcingHandler
    void on(ProjectRejected e) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(ProjectStageReported e) {
        status = EXECUTING;
    }

    @EventSourcingHandler
    void on(ProjectEvaluated e) {
        status = EVALUATED;
    }

    @EventSourcingHandler
    void on(ProjectConcluded e) {
        status = CONCLUDED;
    }

    private void requireStatus(String action, ProjectStatus... allowed) {
        for (ProjectStatus s : allowed) if (s == status) return;
        throw ProjectRefusals.invalidTransition(status, action);
    }

    private static void requireScore(String field, int score) {
        if (score < 0 || score > 100) throw ProjectRefusals.scoreOutOfRange(field, score);
    }

    /** The linked issue ids, each a UUID (in its canonical lower-case form), without repeats. */
    private static List<String> issueIds(List<String> ids) {
        if (ids == null) return List.of();
        return ids.stream().map(GovernanceProject::issueId).distinct().toList();
    }

    private static String issueId(String id) {
        if (id == null || id.length() != 36) throw ProjectRefusals.notAnIssueId(id);
        try {
            return java.util.UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw ProjectRefusals.notAnIssueId(id);
        }
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
