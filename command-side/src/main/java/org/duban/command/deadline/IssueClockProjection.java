package org.duban.command.deadline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.duban.api.issue.*;
import org.springframework.stereotype.Component;

import org.axonframework.eventhandling.Timestamp;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

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
    void on(IssueEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String id = event.issueId().value();
        ClockState before = clocks.load(id).orElse(event instanceof IssueRaised raised
                ? ClockState.raised(id, raised.dueDate(), raised.dueAt())
                : null);
        if (before == null || sequence <= before.version()) return;
        ClockState after = next(before, event, sequence, LocalDate.ofInstant(at, clock.getZone()));
        clocks.save(after);
        clocks.replaceSteps(id, ClockSteps.remaining(after, policy, clock.getZone()));
    }

    @ResetHandler
    void reset() {
        clocks.deleteAll();
    }

    private static ClockState next(ClockState s, IssueEvent event, long v, LocalDate day) {
        return switch (event) {
            case IssueRaised e -> s.with(v);
            case OwnerAssigned e -> s.status(IssueStatus.ASSIGNED, v);
            case IssueReturned e -> s.status(IssueStatus.REGISTERED, v);
            case IssueAcknowledged e -> s.status(IssueStatus.IN_PROGRESS, v);
            case RectificationSubmitted e -> s.status(IssueStatus.PENDING_VERIFICATION, v);
            case RectificationRejected e -> s.status(IssueStatus.IN_PROGRESS, v);
            case IssueClosed e -> s.closed(day, v);
            case IssueWithdrawn e -> s.status(IssueStatus.WITHDRAWN, v);
            case IssueMerged e -> s.status(IssueStatus.WITHDRAWN, v);
            case EffectivenessConfirmed e -> s.status(IssueStatus.EFFECTIVE, v);
            case IssueReopened e -> s.status(IssueStatus.REOPENED, v).due(e.dueDate(), e.dueAt(), v);
            case ExtensionApproved e -> s.due(e.newDueDate(), null, v);
            case IssueHeld e -> s.held(true, v);
            case IssueResumed e -> s.held(false, v).due(e.newDueDate(), e.newDueAt(), v);
            case DueDateApproaching e -> s.reminded(e.dueDate(), v);
            case IssueEscalated e -> s.escalated(e.level(), v);
            case EffectivenessCheckDue e -> s.checkReminded(v);
            case IssueReviewed e -> s.with(v);
            case IssueAssessed e -> s.with(v);
            case IssueNotified e -> s.with(v);
            case FeedbackRecorded e -> s.with(v);
            case RecurrenceFlagged e -> s.with(v);
            case CoDepartmentAdded e -> s.with(v);
            case RectificationPlanFiled e -> s.with(v);
            case ProgressReported e -> s.with(v);
            case ExtensionRequested e -> s.with(v);
            case ExtensionRefused e -> s.with(v);
        };
    }
}
