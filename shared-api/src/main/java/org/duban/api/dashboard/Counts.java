package org.duban.api.dashboard;

/**
 * Issue counts of a cohort: {@code open} are not yet closed, effective, withdrawn or merged;
 * {@code overdue} are open with their clock running past the due date at the instant asked;
 * {@code closed} reached 销号 (CLOSED or EFFECTIVE now); {@code reopened} were reopened at least once.
 */
public record Counts(long raised, long open, long overdue, long closed, long effective, long reopened, long withdrawn) {
}
