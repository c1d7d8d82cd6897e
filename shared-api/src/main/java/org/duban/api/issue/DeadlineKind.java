package org.duban.api.issue;

/**
 * The steps the clock takes on an open issue: a reminder before the due date (临近提醒), the
 * overdue notice (到期催办, BLUE), the yellow and red cards after N working days overdue, and, after
 * closing, the reminder that the effectiveness check (回头看) is due.
 */
public enum DeadlineKind {
    DUE_SOON, OVERDUE, YELLOW, RED, EFFECTIVENESS_CHECK
}
