package org.duban.command.deadline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.duban.api.issue.*;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Keeps the clock of every issue: after each event it recomputes the steps still to come
 * (reminder, BLUE, YELLOW, RED) for the deadline poller. Runs on the command side because its
 * output drives commands; it commits with its token, so a restart neither loses nor repeats.
 */
@Component
@ProcessingGroup("issue-clock")
class IssueClockProjection {
    private final IssueClockRepository clocks;
    private final DeadlinePolicy policy;
    private final Clock clock;

    IssueClockProjection(IssueClockRepository clocks, DeadlinePolicy policy, Clock clock) {
        this.clocks = clocks;
        this.policy = policy;
        this.clock = clock;
    }

    @EventHandler
    void on(IssueEvent event, @SequenceNumber long sequence) {
        String id = event.issueId().value();
        ClockState before = clocks.load(id).orElse(event instanceof IssueRaised raised
                ? new ClockState(id, IssueStatus.REGISTERED, raised.dueDate(), raised.dueAt(), false, EscalationLevel.NONE, null, -1)
                : null);
        if (before == null || sequence <= before.version()) return;
        ClockState after = next(before, event, sequence);
        clocks.save(after);
        clocks.replaceSteps(id, ClockSteps.remaining(after, policy, clock.getZone()));
    }

    @ResetHandler
    void reset() {
        clocks.deleteAll();
    }

    private static ClockState next(ClockState s, IssueEvent event, long v) {
        return switch (event) {
            case IssueRaised e -> s.with(v);
            case OwnerAssigned e -> s.status(IssueStatus.ASSIGNED, v);
            case IssueReturned e -> s.status(IssueStatus.REGISTERED, v);
            case IssueAcknowledged e -> s.status(IssueStatus.IN_PROGRESS, v);
            case RectificationSubmitted e -> s.status(IssueStatus.PENDING_VERIFICATION, v);
            case RectificationRejected e -> s.status(IssueStatus.IN_PROGRESS, v);
            case IssueClosed e -> s.status(IssueStatus.CLOSED, v);
            case IssueWithdrawn e -> s.status(IssueStatus.WITHDRAWN, v);
            case IssueMerged e -> s.status(IssueStatus.WITHDRAWN, v);
            case EffectivenessConfirmed e -> s.status(IssueStatus.EFFECTIVE, v);
            case IssueReopened e -> s.status(IssueStatus.REOPENED, v).due(e.dueDate(), e.dueAt(), v);
            case ExtensionApproved e -> s.due(e.newDueDate(), null, v);
            case IssueHeld e -> new ClockState(s.issueId(), s.status(), s.dueDate(), s.dueAt(), true, s.escalation(), s.remindedFor(), v);
            case IssueResumed e -> new ClockState(s.issueId(), s.status(), e.newDueDate(), e.newDueAt(), false, s.escalation(), s.remindedFor(), v);
            case DueDateApproaching e -> new ClockState(s.issueId(), s.status(), s.dueDate(), s.dueAt(), s.onHold(), s.escalation(), e.dueDate(), v);
            case IssueEscalated e -> new ClockState(s.issueId(), s.status(), s.dueDate(), s.dueAt(), s.onHold(), e.level(), s.remindedFor(), v);
            case CoDepartmentAdded e -> s.with(v);
            case RectificationPlanFiled e -> s.with(v);
            case ProgressReported e -> s.with(v);
            case ExtensionRequested e -> s.with(v);
            case ExtensionRefused e -> s.with(v);
        };
    }
}
