package org.duban.query.issuestate;

import org.duban.api.issue.*;
import org.duban.api.issueview.IssueDetail.ExtensionView;
import org.duban.api.issueview.IssueDetail.FeedbackView;
import org.duban.api.issueview.IssueDetail.OwnerPeriod;
import org.duban.api.issueview.IssueDetail.PlanView;
import org.duban.api.issueview.IssueDetail.ProgressView;
import org.duban.api.issueview.IssueDetail.RectificationView;

import java.time.Instant;
import java.util.List;

/**
 * Folds one event into an issue's state. The switch is over a sealed interface, so a new event
 * type does not compile until the query side has decided what it means.
 */
public final class IssueFold {

    private IssueFold() {
    }

    /** Applies the event recorded at {@code at} with sequence number {@code sequence}; older or repeated events change nothing. */
    public static IssueState apply(IssueState s, IssueEvent event, Instant at, long sequence) {
        if (sequence <= s.version) return s;
        switch (event) {
            case IssueRaised e -> {
                s.id = e.issueId().value();
                s.title = e.title();
                s.description = e.description();
                s.status = IssueStatus.REGISTERED;
                s.source = e.source();
                s.category = e.category();
                s.severity = e.severity();
                s.concernedDepartment = e.concernedDepartment() == null ? null : e.concernedDepartment().value();
                s.externalRef = e.externalRef();
                s.complainant = e.complainant();
                s.acknowledgeDueDate = e.acknowledgeDueDate();
                s.dueDate = e.dueDate();
                s.dueAt = e.dueAt();
                s.policyVersion = e.deadlinePolicyVersion();
                s.raisedAt = at;
                s.occurredAt = e.occurredAt();
            }
            case OwnerAssigned e -> {
                closeOwnerPeriod(s, at);
                s.ownerDepartment = e.department().value();
                s.assignee = e.assignee();
                s.coDepartments.remove(e.department().value());
                s.ownerHistory.add(new OwnerPeriod(e.department().value(), at, null, e.reason()));
                s.status = IssueStatus.ASSIGNED;
            }
            case IssueReturned e -> {
                closeOwnerPeriod(s, at);
                s.ownerDepartment = null;
                s.assignee = null;
                s.status = IssueStatus.REGISTERED;
            }
            case CoDepartmentAdded e -> s.coDepartments.add(e.department().value());
            case IssueAcknowledged e -> {
                s.status = IssueStatus.IN_PROGRESS;
                if (s.acknowledgedAt == null) s.acknowledgedAt = at;
            }
            case RectificationPlanFiled e -> s.plan = new PlanView(at, e.rootCause(), e.measures(), List.copyOf(e.milestones()));
            case ProgressReported e -> s.progress.add(new ProgressView(at, e.department().value(), e.percent(), e.summary(),
                    e.evidence() == null ? List.of() : List.copyOf(e.evidence())));
            case ExtensionRequested e -> s.extensions.add(new ExtensionView(at, e.currentDueDate(), e.requestedDueDate(),
                    e.reason(), "PENDING", null, null));
            case ExtensionApproved e -> {
                decideLastExtension(s, "APPROVED", at, e.note());
                s.dueDate = e.newDueDate();
                s.dueAt = null;
            }
            case ExtensionRefused e -> decideLastExtension(s, "REFUSED", at, e.note());
            case IssueHeld e -> {
                s.onHold = true;
                s.heldAt = at;
            }
            case IssueResumed e -> {
                s.onHold = false;
                s.heldAt = null;
                s.daysOnHold += e.daysOnHold();
                s.dueDate = e.newDueDate();
                s.dueAt = e.newDueAt();
            }
            case RectificationSubmitted e -> {
                s.status = IssueStatus.PENDING_VERIFICATION;
                s.rectification = new RectificationView(at, e.department().value(), e.summary(),
                        e.evidence() == null ? List.of() : List.copyOf(e.evidence()), null);
            }
            case IssueClosed e -> {
                s.status = IssueStatus.CLOSED;
                s.closedAt = at;
                s.completedLoopStages.add(LoopStage.RECTIFICATION);
                s.rectification = withVerification(s.rectification, e.note());
            }
            case RectificationRejected e -> {
                s.status = IssueStatus.IN_PROGRESS;
                s.rectification = withVerification(s.rectification, e.note());
            }
            case IssueWithdrawn e -> {
                s.status = IssueStatus.WITHDRAWN;
                s.withdrawalReason = e.reason();
            }
            case IssueMerged e -> {
                s.status = IssueStatus.WITHDRAWN;
                s.withdrawalReason = "DUPLICATE";
                s.mergedInto = e.intoIssueId().value();
            }
            case DueDateApproaching e -> s.remindedFor = e.dueDate();
            case IssueReviewed e -> s.completedLoopStages.add(LoopStage.REVIEW);
            case IssueAssessed e -> s.completedLoopStages.add(LoopStage.ASSESSMENT);
            case IssueNotified e -> s.completedLoopStages.add(LoopStage.NOTIFICATION);
            case FeedbackRecorded e -> s.feedback.add(new FeedbackView(at, e.contacted(), e.resolved(), e.satisfaction()));
            case EffectivenessCheckDue e -> s.effectivenessCheckDueDate = e.dueDate();
            case RecurrenceFlagged e -> s.recurrenceOf.add(e.earlierIssueId().value());
            case IssueEscalated e -> s.escalation = e.level();
            case EffectivenessConfirmed e -> {
                s.status = IssueStatus.EFFECTIVE;
                s.completedLoopStages.add(LoopStage.PREVENTION);
            }
            case IssueReopened e -> {
                s.status = IssueStatus.REOPENED;
                s.reopenCount++;
                s.closedAt = null;
                s.dueDate = e.dueDate();
                s.dueAt = e.dueAt();
                s.completedLoopStages.remove(LoopStage.RECTIFICATION);
            }
        }
        s.version = sequence;
        s.updatedAt = at;
        return s;
    }

    private static void closeOwnerPeriod(IssueState s, Instant at) {
        if (s.ownerHistory.isEmpty()) return;
        OwnerPeriod last = s.ownerHistory.getLast();
        if (last.to() == null) {
            s.ownerHistory.set(s.ownerHistory.size() - 1, new OwnerPeriod(last.department(), last.from(), at, last.reason()));
        }
    }

    private static void decideLastExtension(IssueState s, String decision, Instant at, String note) {
        for (int i = s.extensions.size() - 1; i >= 0; i--) {
            ExtensionView x = s.extensions.get(i);
            if ("PENDING".equals(x.decision())) {
                s.extensions.set(i, new ExtensionView(x.requestedAt(), x.currentDueDate(), x.requestedDueDate(), x.reason(),
                        decision, at, note));
                return;
            }
        }
    }

    private static RectificationView withVerification(RectificationView r, String note) {
        return r == null ? null : new RectificationView(r.submittedAt(), r.department(), r.summary(), r.evidence(), note);
    }
}
