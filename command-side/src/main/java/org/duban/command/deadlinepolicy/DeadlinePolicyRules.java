package org.duban.command.deadlinepolicy;

import org.duban.api.deadline.DeadlinePolicySpec;
import org.duban.api.deadline.DeadlineRule;
import org.duban.api.deadline.EscalationSteps;
import org.duban.api.error.InvalidInput;

import java.util.List;
import java.util.Objects;

/**
 * What makes a deadline policy usable, each refusal naming the offending field of the body of
 * PUT /api/deadline-policies (VALIDATION_FAILED, 400). A policy must answer every source and
 * severity (a fallback rule), name each source/severity pair once (else the most specific rule
 * would be ambiguous), and keep its numbers where the working-day calendar can count them.
 */
final class DeadlinePolicyRules {
    /** About two years of working days: the calendar scans at most ten years for one deadline. */
    static final int MAX_WORKING_DAYS = 500;
    /** A year; emergencies are counted in hours, anything longer in working days. */
    static final int MAX_HOURS = 8_760;

    private DeadlinePolicyRules() {
    }

    static void check(DeadlinePolicySpec spec) {
        if (spec == null) throw new InvalidInput("body", "is required.");
        List<DeadlineRule> rules = spec.rules();
        if (rules.isEmpty()) throw new InvalidInput("rules", "must hold at least one rule.");
        for (int i = 0; i < rules.size(); i++) checkRule(rules, i);
        if (rules.stream().noneMatch(r -> r.source() == null && r.severity() == null)) {
            throw new InvalidInput("rules", "must hold a fallback rule (no source, no severity) for every other case.");
        }
        checkEscalation(spec.escalation());
    }

    static InvalidInput alreadyInForce(long version) {
        return new InvalidInput("rules", "this is already the policy in force (version " + version + "); nothing would change.");
    }

    private static void checkRule(List<DeadlineRule> rules, int i) {
        DeadlineRule rule = rules.get(i);
        String field = "rules[" + i + "]";
        workingDays(field + ".acknowledgeWorkingDays", rule.acknowledgeWorkingDays());
        workingDays(field + ".resolveWorkingDays", rule.resolveWorkingDays());
        hours(field + ".acknowledgeHours", rule.acknowledgeHours());
        hours(field + ".resolveHours", rule.resolveHours());
        if (rule.acknowledgeWorkingDays() > rule.resolveWorkingDays()) {
            throw new InvalidInput(field + ".acknowledgeWorkingDays", "must not exceed resolveWorkingDays: an issue is acknowledged before it is resolved.");
        }
        if (rule.acknowledgeHours() != null && rule.resolveHours() != null && rule.acknowledgeHours() > rule.resolveHours()) {
            throw new InvalidInput(field + ".acknowledgeHours", "must not exceed resolveHours: an issue is acknowledged before it is resolved.");
        }
        for (int j = 0; j < i; j++) {
            DeadlineRule earlier = rules.get(j);
            if (earlier.source() == rule.source() && earlier.severity() == rule.severity()) {
                throw new InvalidInput(field, "repeats the source and severity of rules[" + j + "] ("
                        + Objects.toString(rule.source(), "any source") + ", " + Objects.toString(rule.severity(), "any severity") + ").");
            }
        }
    }

    private static void checkEscalation(EscalationSteps steps) {
        if (steps == null) throw new InvalidInput("escalation", "is required.");
        workingDays("escalation.dueSoonWorkingDays", steps.dueSoonWorkingDays());
        workingDays("escalation.yellowAfterWorkingDays", steps.yellowAfterWorkingDays());
        workingDays("escalation.redAfterWorkingDays", steps.redAfterWorkingDays());
        if (steps.yellowAfterWorkingDays() >= steps.redAfterWorkingDays()) {
            throw new InvalidInput("escalation.redAfterWorkingDays", "must be after yellowAfterWorkingDays: RED follows YELLOW.");
        }
    }

    private static void workingDays(String field, int days) {
        if (days < 0 || days > MAX_WORKING_DAYS) {
            throw new InvalidInput(field, "must be between 0 and " + MAX_WORKING_DAYS + " working days.");
        }
    }

    private static void hours(String field, Integer hours) {
        if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
            throw new InvalidInput(field, "must be between 1 and " + MAX_HOURS + " hours when given.");
        }
    }
}
