package org.duban.command.deadline;

import org.duban.api.calendar.WorkingCalendar;
import org.duban.api.deadline.DeadlinePolicySpec;
import org.duban.api.deadline.DeadlineRule;
import org.duban.api.deadline.EscalationSteps;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Deadlines in working days on the calendar in force (hours for emergencies), by the rules of
 * the deadline policy in force. Both are read afresh on every use, so an ADMIN change applies to
 * the next deadline set; deadlines already set keep the version they recorded.
 */
public class WorkingDayDeadlinePolicy implements DeadlinePolicy {
    private final Supplier<Versioned<WorkingCalendar>> calendar;
    private final Supplier<Versioned<DeadlinePolicySpec>> policy;
    private final ZoneId zone;

    public WorkingDayDeadlinePolicy(Supplier<Versioned<WorkingCalendar>> calendar,
                                    Supplier<Versioned<DeadlinePolicySpec>> policy, ZoneId zone) {
        this.calendar = calendar;
        this.policy = policy;
        this.zone = zone;
    }

    /** A fixed calendar and policy: for tests and tools. */
    public static WorkingDayDeadlinePolicy fixed(WorkingCalendar calendar, DeadlinePolicySpec spec, long policyVersion, ZoneId zone) {
        return new WorkingDayDeadlinePolicy(() -> new Versioned<>(calendar, calendar.version()),
                () -> new Versioned<>(spec, policyVersion), zone);
    }

    @Override
    public String version() {
        return "policy/" + policy.get().version() + "+calendar/" + calendar.get().version();
    }

    @Override
    public InitialDeadlines initialFor(Source source, Severity severity, Instant start) {
        DeadlineRule rule = policy.get().value().ruleFor(source, severity);
        WorkingCalendar days = calendar.get().value();
        LocalDate startDay = LocalDate.ofInstant(start, zone);
        LocalDate acknowledgeBy = rule.acknowledgeHours() != null
                ? LocalDate.ofInstant(start.plus(Duration.ofHours(rule.acknowledgeHours())), zone)
                : days.plusWorkingDays(startDay, rule.acknowledgeWorkingDays());
        Instant dueAt = rule.resolveHours() == null ? null : start.plus(Duration.ofHours(rule.resolveHours()));
        LocalDate dueDate = dueAt != null ? LocalDate.ofInstant(dueAt, zone)
                : days.plusWorkingDays(startDay, rule.resolveWorkingDays());
        return new InitialDeadlines(acknowledgeBy, dueDate, dueAt, version());
    }

    @Override
    public LocalDate afterHold(LocalDate dueDate, LocalDate heldOn, LocalDate resumedOn) {
        long held = daysOnHold(heldOn, resumedOn);
        return held == 0 ? dueDate : calendar.get().value().plusWorkingDays(dueDate, (int) held);
    }

    @Override
    public long daysOnHold(LocalDate heldOn, LocalDate resumedOn) {
        return calendar.get().value().workingDaysBetween(heldOn, resumedOn);
    }

    @Override
    public EscalationSteps escalation() {
        return policy.get().value().escalation();
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar.get().value().workingDaysBetween(from, to);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return calendar.get().value().plusWorkingDays(start, n);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        return calendar.get().value().minusWorkingDays(date, n);
    }
}
