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

    /** The whole cohort: the sum of the per-department tallies, with the cycle time computed over the cohort. */
    static IssueTally total(java.util.List<IssueTally> parts, CycleTime cycleTime) {
        long raised = 0, open = 0, overdue = 0, closed = 0, effective = 0, reopened = 0, withdrawn = 0;
        long acknowledgedOnTime = 0, acknowledgementDue = 0, closedOnTime = 0, loopComplete = 0;
        long effectivenessChecks = 0, recurrences = 0, extensionRequests = 0;
        for (IssueTally t : parts) {
            Counts c = t.counts;
            raised += c.raised();
            open += c.open();
            overdue += c.overdue();
            closed += c.closed();
            effective += c.effective();
            reopened += c.reopened();
            withdrawn += c.withdrawn();
            acknowledgedOnTime += t.acknowledgedOnTime;
            acknowledgementDue += t.acknowledgementDue;
            closedOnTime += t.closedOnTime;
            loopComplete += t.loopComplete;
            effectivenessChecks += t.effectivenessChecks;
            recurrences += t.recurrences;
            extensionRequests += t.extensionRequests;
        }
        return new IssueTally(null, true, new Counts(raised, open, overdue, closed, effective, reopened, withdrawn),
                acknowledgedOnTime, acknowledgementDue, closedOnTime, loopComplete, effectivenessChecks, recurrences,
                extensionRequests, cycleTime);
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
