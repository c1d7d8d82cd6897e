package org.duban.query.metrics;

import org.duban.api.dashboard.Counts;
import org.duban.api.dashboard.CycleTime;

/**
 * The issue side of the metrics for one owner department ({@code total}: the whole cohort):
 * counts and the numerators and denominators of the rates, so a rate with nothing to count is null.
 */
record IssueTally(String department, boolean total, Counts counts, long acknowledgedOnTime, long acknowledgementDue,
                  long closedOnTime, long loopComplete, long effectivenessChecks, long recurrences,
                  long extensionRequests, CycleTime cycleTime) {

    static IssueTally none(String department) {
        return new IssueTally(department, false, new Counts(0, 0, 0, 0, 0, 0, 0), 0, 0, 0, 0, 0, 0, 0,
                new CycleTime(null, null));
    }

    Double onTimeAcknowledgement() {
        return ratio(acknowledgedOnTime, acknowledgementDue);
    }

    Double onTimeClosure() {
        return ratio(closedOnTime, counts.closed());
    }

    /** Effectiveness checks (回头看) that found no recurrence ÷ all effectiveness checks. */
    Double effectiveness() {
        return ratio(effectivenessChecks - recurrences, effectivenessChecks);
    }

    /** Effectiveness checks that found the problem recurred ÷ all effectiveness checks. */
    Double recurrence() {
        return ratio(recurrences, effectivenessChecks);
    }

    Double loopCompleteness() {
        return ratio(loopComplete, counts.closed());
    }

    Double extensionsPerIssue() {
        return ratio(extensionRequests, counts.raised());
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
