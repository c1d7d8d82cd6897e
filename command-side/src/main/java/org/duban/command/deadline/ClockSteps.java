package org.duban.command.deadline;

import org.duban.api.deadline.EscalationSteps;
import org.duban.api.issue.DeadlineKind;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * When each step of an open issue's clock speaks, on the calendar and policy in force:
 * the reminder at the start of the working day {@code dueSoon} working days before the due date,
 * BLUE at the first moment after the due date (到期催办; for an emergency, at its due instant), YELLOW and RED once the issue has stayed
 * overdue for that many whole working days, i.e. at the end of the N-th working day after the
 * due date; after closing, the reminder that the effectiveness check (回头看) is due. Steps already taken (the
 * reminder for this due date, levels reached) are not scheduled again.
 */
final class ClockSteps {

    private ClockSteps() {
    }

    static List<ClockStep> remaining(ClockState s, DeadlinePolicy policy, ZoneId zone) {
        List<ClockStep> steps = new ArrayList<>();
        if (s.status() == IssueStatus.CLOSED && s.closedOn() != null && !s.checkReminded()) {
            LocalDate checkDue = policy.plusWorkingDays(s.closedOn(), policy.escalation().effectivenessCheckDays());
            steps.add(new ClockStep(s.issueId(), DeadlineKind.EFFECTIVENESS_CHECK, checkDue, checkDue.atStartOfDay(zone).toInstant(),
                    policy.escalation().effectivenessCheckDays(), policy.version()));
        }
        if (!s.clockRuns()) return steps;
        EscalationSteps escalation = policy.escalation();
        String version = policy.version();
        LocalDate due = s.dueDate();
        // An emergency counted in hours gets no working-day reminder: its whole window is shorter than one.
        if (s.dueAt() == null && escalation.dueSoonWorkingDays() > 0 && !due.equals(s.remindedFor())
                && s.escalation() == EscalationLevel.NONE) {
            LocalDate remindOn = policy.minusWorkingDays(due, escalation.dueSoonWorkingDays());
            steps.add(new ClockStep(s.issueId(), DeadlineKind.DUE_SOON, due, remindOn.atStartOfDay(zone).toInstant(),
                    -escalation.dueSoonWorkingDays(), version));
        }
        if (s.escalation().compareTo(EscalationLevel.BLUE) < 0) {
            Instant overdueFrom = s.dueAt() != null ? s.dueAt() : due.plusDays(1).atStartOfDay(zone).toInstant();
            steps.add(new ClockStep(s.issueId(), DeadlineKind.OVERDUE, due, overdueFrom, 0, version));
        }
        if (s.escalation().compareTo(EscalationLevel.YELLOW) < 0) {
            steps.add(overdueBy(s, DeadlineKind.YELLOW, escalation.yellowAfterWorkingDays(), policy, zone));
        }
        if (s.escalation().compareTo(EscalationLevel.RED) < 0) {
            steps.add(overdueBy(s, DeadlineKind.RED, escalation.redAfterWorkingDays(), policy, zone));
        }
        return steps;
    }

    private static ClockStep overdueBy(ClockState s, DeadlineKind kind, int workingDays, DeadlinePolicy policy, ZoneId zone) {
        LocalDate lastDayAllowed = policy.plusWorkingDays(s.dueDate(), workingDays);
        return new ClockStep(s.issueId(), kind, s.dueDate(), lastDayAllowed.plusDays(1).atStartOfDay(zone).toInstant(),
                workingDays, policy.version());
    }
}
