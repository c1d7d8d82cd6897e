package org.duban.api.issue;

/**
 * The steps the clock takes on an open issue: a reminder before the due date (临近提醒), the
 * overdue notice (到期催办, BLUE), and the yellow and red cards after N working days overdue.
 */
public enum DeadlineKind {
    DUE_SOON, OVERDUE, YELLOW, RED
}
