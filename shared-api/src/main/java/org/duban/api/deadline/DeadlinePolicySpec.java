package org.duban.api.deadline;

import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.util.Comparator;
import java.util.List;

/** The deadline policy: rules by source and severity, and the escalation steps. */
public record DeadlinePolicySpec(List<DeadlineRule> rules, EscalationSteps escalation) {

    /**
     * The policy in force until ADMIN changes it (version 0). Hotline follows 接诉即办:
     * acknowledge within 1 working day, resolve within 7, 15 for complex (HIGH) cases; critical
     * issues within hours whatever their source.
     */
    public static final DeadlinePolicySpec DEFAULT = new DeadlinePolicySpec(List.of(
            new DeadlineRule(null, null, 2, 15, null, null),
            new DeadlineRule(null, Severity.LOW, 3, 30, null, null),
            new DeadlineRule(null, Severity.HIGH, 1, 10, null, null),
            new DeadlineRule(null, Severity.CRITICAL, 0, 1, 2, 24),
            new DeadlineRule(Source.HOTLINE, null, 1, 7, null, null),
            new DeadlineRule(Source.HOTLINE, Severity.HIGH, 1, 15, null, null),
            new DeadlineRule(Source.HOTLINE, Severity.CRITICAL, 0, 1, 2, 24)),
            new EscalationSteps(1, 3, 5));

    public DeadlinePolicySpec {
        rules = List.copyOf(rules);
    }

    /** The most specific rule for the source and severity. */
    public DeadlineRule ruleFor(Source source, Severity severity) {
        return rules.stream().filter(r -> r.fit(source, severity) >= 0)
                .max(Comparator.comparingInt(r -> r.fit(source, severity)))
                .orElseThrow(() -> new IllegalStateException("the deadline policy has no rule for " + source + "/" + severity));
    }
}
