package org.duban.command.issue;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.department.DepartmentCode;
import org.duban.api.issue.*;
import org.duban.command.deadline.DeadlinePolicy;
import org.duban.command.deadline.InitialDeadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.duban.api.actor.ActorMetaData.DEPARTMENT;
import static org.duban.api.actor.ActorMetaData.USER_ID;
import static org.duban.api.issue.IssueStatus.*;

/**
 * A supervised issue (督办事项) and every rule of its lifecycle (DOMAIN.md). Each handler checks
 * its rule and applies one event; state changes only in the event sourcing handlers. Command
 * handlers answer the aggregate's version after the command.
 */
@Aggregate
class Issue {
    /** Scores are recorded raw; how dimensions weigh in rankings is versioned with the ranking weights. */
    static final String SCORE_WEIGHT_VERSION = "score-weights/1";
    private static final Set<IssueStatus> OPEN = EnumSet.of(REGISTERED, ASSIGNED, IN_PROGRESS, PENDING_VERIFICATION, REOPENED);

    @AggregateIdentifier
    private IssueId id;
    private IssueStatus status;
    private Source source;
    private Severity severity;
    private Category category;
    private DepartmentCode owner;
    private final Set<DepartmentCode> coDepartments = new HashSet<>();
    private LocalDate dueDate;
    private Instant dueAt;
    private boolean onHold;
    private Instant heldAt;
    private boolean extensionPending;
    private LocalDate pendingRequestedDueDate;
    private String submitter;
    private EscalationLevel escalation = EscalationLevel.NONE;
    private LocalDate remindedFor;
    private Instant closedAt;
    private boolean effectivenessCheckReminded;
    private final Set<String> notifiedBy = new HashSet<>();
    private final Set<IssueId> recurrenceOf = new HashSet<>();

    Issue() {
        // for event sourcing
    }

    @CommandHandler
    Issue(RaiseIssue cmd, DeadlinePolicy policy, Clock clock) {
        Instant now = clock.instant();
        Instant occurredAt = cmd.occurredAt() == null ? now : cmd.occurredAt();
        if (occurredAt.isAfter(now)) throw IssueRefusals.occurredInFuture();
        InitialDeadlines deadlines = policy.initialFor(cmd.source(), cmd.severity(), occurredAt);
        apply(new IssueRaised(cmd.issueId(), cmd.title(), cmd.description(), cmd.source(), cmd.category(),
                cmd.severity(), cmd.concernedDepartment(), cmd.externalRef(), cmd.complainant(), occurredAt,
                deadlines.acknowledgeDueDate(), deadlines.dueDate(), deadlines.policyVersion(), deadlines.dueAt(),
                cmd.inspectionRoundId()));
    }

    @CommandHandler
    long handle(AssignOwner cmd) {
        requireStatus("assign", REGISTERED, ASSIGNED, IN_PROGRESS, REOPENED);
        if (cmd.department().equals(owner)) throw IssueRefusals.alreadyOwner(owner);
        apply(new OwnerAssigned(id, cmd.department(), owner, cmd.assignee(), cmd.reason()));
        return version();
    }

    @CommandHandler
    long handle(ReturnIssue cmd, @MetaDataValue(DEPARTMENT) String actorDepartment) {
        requireStatus("return", ASSIGNED);
        requireOwner(actorDepartment);
        apply(new IssueReturned(id, owner, cmd.reason()));
        return version();
    }

    @CommandHandler
    long handle(AddCoDepartment cmd) {
        requireStatus("add a co-department to", OPEN.toArray(IssueStatus[]::new));
        if (cmd.department().equals(owner)) throw IssueRefusals.alreadyOwner(owner);
        if (coDepartments.contains(cmd.department())) throw IssueRefusals.alreadyCoDepartment(cmd.department());
        apply(new CoDepartmentAdded(id, cmd.department()));
        return version();
    }

    @CommandHandler
    long handle(AcknowledgeIssue cmd, @MetaDataValue(DEPARTMENT) String actorDepartment) {
        requireStatus("acknowledge", ASSIGNED, REOPENED);
        requireOwner(actorDepartment);
        apply(new IssueAcknowledged(id, owner, cmd.note()));
        return version();
    }

    @CommandHandler
    long handle(FileRectificationPlan cmd, @MetaDataValue(DEPARTMENT) String actorDepartment) {
        requireStatus("file a plan for", IN_PROGRESS);
        requireOwner(actorDepartment);
        apply(new RectificationPlanFiled(id, cmd.rootCause(), cmd.measures(), cmd.milestones()));
        return version();
    }

    @CommandHandler
    long handle(ReportProgress cmd, @MetaDataValue(DEPARTMENT) String actorDepartment) {
        requireStatus("report progress on", IN_PROGRESS);
        if (!isOwner(actorDepartment) && !isCoDepartment(actorDepartment)) {
            throw IssueRefusals.notOwnerDepartment(owner, actorDepartment);
        }
        apply(new ProgressReported(id, DepartmentCode.of(actorDepartment), cmd.percent(), cmd.summary(), cmd.evidence()));
        return version();
    }

    @CommandHandler
    long handle(RequestExtension cmd, @MetaDataValue(DEPARTMENT) String actorDepartment, Clock clock) {
        requireStatus("request an extension for", IN_PROGRESS);
        requireOwner(actorDepartment);
        if (onHold) throw IssueRefusals.onHold("request an extension");
        if (extensionPending) throw IssueRefusals.extensionPending();
        if (LocalDate.now(clock).isAfter(dueDate) || (dueAt != null && clock.instant().isAfter(dueAt))) {
            throw IssueRefusals.deadlinePassed(dueDate);
        }
        if (!cmd.requestedDueDate().isAfter(dueDate)) throw IssueRefusals.extensionNotLater(dueDate);
        apply(new ExtensionRequested(id, dueDate, cmd.requestedDueDate(), cmd.reason()));
        return version();
    }

    @CommandHandler
    long handle(DecideExtension cmd) {
        requireStatus("decide an extension for", OPEN.toArray(IssueStatus[]::new));
        if (!extensionPending) throw IssueRefusals.noExtensionPending();
        if (cmd.approved()) {
            // A hold may have moved the due date past the requested one meanwhile: approval never moves it earlier.
            LocalDate newDueDate = pendingRequestedDueDate.isAfter(dueDate) ? pendingRequestedDueDate : dueDate;
            apply(new ExtensionApproved(id, dueDate, newDueDate, cmd.note()));
        } else {
            apply(new ExtensionRefused(id, pendingRequestedDueDate, cmd.note()));
        }
        return version();
    }

    @CommandHandler
    long handle(HoldIssue cmd) {
        requireStatus("hold", ASSIGNED, IN_PROGRESS, REOPENED);
        if (onHold) throw IssueRefusals.onHold("hold again");
        apply(new IssueHeld(id, cmd.reason()));
        return version();
    }

    @CommandHandler
    long handle(ResumeIssue cmd, DeadlinePolicy policy, Clock clock) {
        requireStatus("resume", OPEN.toArray(IssueStatus[]::new));
        if (!onHold) throw IssueRefusals.notOnHold();
        LocalDate heldOn = LocalDate.ofInstant(heldAt, clock.getZone());
        LocalDate today = LocalDate.now(clock);
        // An emergency due at an instant moves by the exact time on hold.
        Instant newDueAt = dueAt == null ? null : dueAt.plus(Duration.between(heldAt, clock.instant()));
        LocalDate newDueDate = newDueAt != null ? LocalDate.ofInstant(newDueAt, clock.getZone())
                : policy.afterHold(dueDate, heldOn, today);
        apply(new IssueResumed(id, cmd.reason(), policy.daysOnHold(heldOn, today), dueDate, newDueDate, policy.version(),
                newDueAt));
        return version();
    }

    @CommandHandler
    long handle(SubmitRectification cmd, @MetaDataValue(DEPARTMENT) String actorDepartment) {
        requireStatus("submit a rectification for", IN_PROGRESS);
        requireOwner(actorDepartment);
        if (onHold) throw IssueRefusals.onHold("submit a rectification");
        apply(new RectificationSubmitted(id, owner, cmd.summary(), cmd.evidence()));
        return version();
    }

    @CommandHandler
    long handle(VerifyRectification cmd, @MetaDataValue(USER_ID) String actorId) {
        requireStatus("verify", PENDING_VERIFICATION);
        if (actorId != null && actorId.equals(submitter)) throw IssueRefusals.submitterCannotVerify();
        if (cmd.passed()) {
            apply(new IssueClosed(id, cmd.note()));
        } else {
            apply(new RectificationRejected(id, cmd.note()));
        }
        return version();
    }

    @CommandHandler
    long handle(WithdrawIssue cmd) {
        requireStatus("withdraw", OPEN.toArray(IssueStatus[]::new));
        apply(new IssueWithdrawn(id, cmd.reason()));
        return version();
    }

    /** Called by {@link MergeIssueHandler} once the target has been checked. */
    long mergeInto(IssueId target, String reason) {
        requireStatus("merge", OPEN.toArray(IssueStatus[]::new));
        if (target.equals(id)) throw IssueRefusals.mergeTargetInvalid("An issue cannot be merged into itself.");
        apply(new IssueMerged(id, target, reason));
        return version();
    }

    /** Whether another issue may be merged into this one. */
    boolean acceptsDuplicates() {
        return status != WITHDRAWN;
    }

    /** 挂牌督办: the level only rises, and only while the issue is open. */
    @CommandHandler
    long handle(EscalateIssue cmd) {
        requireStatus("escalate", OPEN.toArray(IssueStatus[]::new));
        if (cmd.level().compareTo(escalation) <= 0) throw IssueRefusals.escalationNotHigher(escalation, cmd.level());
        apply(new IssueEscalated(id, cmd.level(), escalation, cmd.reason(), false, dueDate, 0, null));
        return version();
    }

    /**
     * A step of the clock came due. It speaks only if it still applies: the issue is open and
     * its clock runs, the due date is the one the step was computed from, and this step has not
     * spoken yet. Anything else is a deadline the issue has moved past, and is ignored.
     */
    @CommandHandler
    long handle(NoticeDeadline cmd, Clock clock) {
        if (cmd.kind() == DeadlineKind.EFFECTIVENESS_CHECK) {
            if (status == CLOSED && !effectivenessCheckReminded) {
                apply(new EffectivenessCheckDue(id, LocalDate.ofInstant(closedAt, clock.getZone()), cmd.dueDate(), cmd.policyVersion()));
            }
            return version();
        }
        boolean clockRuns = !onHold && (status == REGISTERED || status == ASSIGNED || status == IN_PROGRESS || status == REOPENED);
        if (!clockRuns || !cmd.dueDate().equals(dueDate)) return version();
        switch (cmd.kind()) {
            case DUE_SOON -> {
                // A reminder after the due date has passed would say the wrong thing; the overdue notice speaks then.
                if (!dueDate.equals(remindedFor) && !LocalDate.now(clock).isAfter(dueDate)) {
                    apply(new DueDateApproaching(id, dueDate, -cmd.workingDaysOverdue(), cmd.policyVersion()));
                }
            }
            case OVERDUE -> escalateAutomatically(EscalationLevel.BLUE, "到期催办：已超过整改期限 " + dueDate, cmd);
            case YELLOW -> escalateAutomatically(EscalationLevel.YELLOW, "黄牌警示：超期 " + cmd.workingDaysOverdue() + " 个工作日", cmd);
            case RED -> escalateAutomatically(EscalationLevel.RED, "红牌督办：超期 " + cmd.workingDaysOverdue() + " 个工作日", cmd);
        }
        return version();
    }

    private void escalateAutomatically(EscalationLevel level, String reason, NoticeDeadline cmd) {
        if (level.compareTo(escalation) > 0) {
            apply(new IssueEscalated(id, level, escalation, reason, true, dueDate, cmd.workingDaysOverdue(), cmd.policyVersion()));
        }
    }

    /** 点评: the committee may comment at any stage but on a withdrawn issue. */
    @CommandHandler
    long handle(ReviewIssue cmd) {
        if (status == WITHDRAWN) throw IssueRefusals.invalidTransition(status, "review");
        apply(new IssueReviewed(id, cmd.comment()));
        return version();
    }

    /** 考核: scores once there is handling to judge (the owner has acknowledged). */
    @CommandHandler
    long handle(AssessIssue cmd) {
        requireStatus("assess", IN_PROGRESS, PENDING_VERIFICATION, CLOSED, EFFECTIVE, REOPENED);
        if (cmd.scores() == null || cmd.scores().isEmpty()) throw IssueRefusals.noScores();
        cmd.scores().forEach((name, score) -> {
            if (score == null || score < 0 || score > 100) throw IssueRefusals.scoreOutOfRange(name);
        });
        apply(new IssueAssessed(id, Map.copyOf(cmd.scores()), cmd.note(), SCORE_WEIGHT_VERSION));
        return version();
    }

    /** 通报: a published bulletin names the issue; once per bulletin, whatever the retries. */
    @CommandHandler
    long handle(RecordNotification cmd) {
        if (status == WITHDRAWN) throw IssueRefusals.invalidTransition(status, "name in a bulletin");
        if (!notifiedBy.contains(cmd.bulletinId())) {
            apply(new IssueNotified(id, cmd.bulletinId(), cmd.kind(), cmd.text()));
        }
        return version();
    }

    /** 回访: only hotline complaints are visited back, once the department has handled them. */
    @CommandHandler
    long handle(RecordFeedback cmd) {
        if (source != Source.HOTLINE) throw IssueRefusals.notHotline(source);
        requireStatus("record feedback on", IN_PROGRESS, PENDING_VERIFICATION, CLOSED, EFFECTIVE, REOPENED);
        apply(new FeedbackRecorded(id, cmd.contacted(), cmd.resolved(), cmd.satisfaction()));
        return version();
    }

    /** The recurrence watch found an earlier issue like this one; flagged once per earlier issue. */
    @CommandHandler
    long handle(FlagRecurrence cmd) {
        if (status != WITHDRAWN && !recurrenceOf.contains(cmd.earlierIssueId()) && owner != null) {
            apply(new RecurrenceFlagged(id, cmd.earlierIssueId(), owner, category, cmd.lookBackDays()));
        }
        return version();
    }

    @CommandHandler
    long handle(CheckEffectiveness cmd, DeadlinePolicy policy, Clock clock) {
        requireStatus("check the effectiveness of", CLOSED);
        if (cmd.recurred()) {
            // A recurrence is rectified afresh: it gets a new due date, counted from today by the policy in force.
            InitialDeadlines deadlines = policy.initialFor(source, severity, clock.instant());
            apply(new IssueReopened(id, cmd.note(), deadlines.dueDate(), deadlines.policyVersion(), deadlines.dueAt()));
        } else {
            apply(new EffectivenessConfirmed(id, cmd.note()));
        }
        return version();
    }

    @EventSourcingHandler
    void on(IssueRaised e) {
        id = e.issueId();
        status = REGISTERED;
        source = e.source();
        severity = e.severity();
        category = e.category();
        dueDate = e.dueDate();
        dueAt = e.dueAt();
    }

    @EventSourcingHandler
    void on(OwnerAssigned e) {
        owner = e.department();
        coDepartments.remove(e.department());
        status = ASSIGNED;
    }

    @EventSourcingHandler
    void on(IssueReturned e) {
        owner = null;
        status = REGISTERED;
    }

    @EventSourcingHandler
    void on(CoDepartmentAdded e) {
        coDepartments.add(e.department());
    }

    @EventSourcingHandler
    void on(IssueAcknowledged e) {
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(ExtensionRequested e) {
        extensionPending = true;
        pendingRequestedDueDate = e.requestedDueDate();
    }

    @EventSourcingHandler
    void on(ExtensionApproved e) {
        extensionPending = false;
        dueDate = e.newDueDate();
        dueAt = null; // an extension grants a date: due at its end
    }

    @EventSourcingHandler
    void on(ExtensionRefused e) {
        extensionPending = false;
    }

    @EventSourcingHandler
    void on(IssueHeld e, @Timestamp Instant at) {
        onHold = true;
        heldAt = at;
    }

    @EventSourcingHandler
    void on(IssueResumed e) {
        onHold = false;
        heldAt = null;
        dueDate = e.newDueDate();
        dueAt = e.newDueAt();
    }

    @EventSourcingHandler
    void on(RectificationSubmitted e, @MetaDataValue(USER_ID) String submittedBy) {
        status = PENDING_VERIFICATION;
        submitter = submittedBy;
    }

    @EventSourcingHandler
    void on(IssueClosed e, @Timestamp Instant at) {
        status = CLOSED;
        closedAt = at;
        effectivenessCheckReminded = false;
    }

    @EventSourcingHandler
    void on(EffectivenessCheckDue e) {
        effectivenessCheckReminded = true;
    }

    @EventSourcingHandler
    void on(IssueNotified e) {
        notifiedBy.add(e.bulletinId());
    }

    @EventSourcingHandler
    void on(RecurrenceFlagged e) {
        recurrenceOf.add(e.earlierIssueId());
    }

    @EventSourcingHandler
    void on(RectificationRejected e) {
        status = IN_PROGRESS;
        submitter = null;
    }

    @EventSourcingHandler
    void on(IssueWithdrawn e) {
        status = WITHDRAWN;
    }

    @EventSourcingHandler
    void on(IssueMerged e) {
        status = WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DueDateApproaching e) {
        remindedFor = e.dueDate();
    }

    @EventSourcingHandler
    void on(IssueEscalated e) {
        escalation = e.level();
    }

    @EventSourcingHandler
    void on(EffectivenessConfirmed e) {
        status = EFFECTIVE;
    }

    @EventSourcingHandler
    void on(IssueReopened e) {
        status = REOPENED;
        dueDate = e.dueDate();
        dueAt = e.dueAt();
    }

    private void requireStatus(String action, IssueStatus... allowed) {
        for (IssueStatus s : allowed) {
            if (s == status) return;
        }
        throw IssueRefusals.invalidTransition(status, action);
    }

    private void requireOwner(String actorDepartment) {
        if (!isOwner(actorDepartment)) throw IssueRefusals.notOwnerDepartment(owner, actorDepartment);
    }

    private boolean isOwner(String department) {
        return owner != null && owner.value().equals(department);
    }

    private boolean isCoDepartment(String department) {
        return department != null && coDepartments.stream().anyMatch(d -> d.value().equals(department));
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
