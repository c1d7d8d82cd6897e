package org.duban.api.deadline;

/**
 * When the clock speaks: a reminder {@code dueSoonWorkingDays} before the due date (临近提醒),
 * BLUE when it passes (到期催办), YELLOW and RED after so many working days overdue.
 */
public record EscalationSteps(int dueSoonWorkingDays, int yellowAfterWorkingDays, int redAfterWorkingDays) {
}
