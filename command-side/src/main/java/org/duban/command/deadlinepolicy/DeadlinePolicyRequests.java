package org.duban.command.deadlinepolicy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.duban.api.deadline.DeadlinePolicySpec;
import org.duban.api.deadline.DeadlineRule;
import org.duban.api.deadline.EscalationSteps;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.util.List;

/**
 * The body of PUT /api/deadline-policies: the whole policy, checked for shape and ranges before
 * any command is sent (the aggregate checks the rules that span fields).
 */
final class DeadlinePolicyRequests {

    private DeadlinePolicyRequests() {
    }

    record Spec(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Rule> rules,
                @NotNull @Valid Escalation escalation) {

        DeadlinePolicySpec toSpec() {
            return new DeadlinePolicySpec(rules.stream().map(Rule::toRule).toList(), escalation.toSteps());
        }
    }

    record Rule(Source source,
                Severity severity,
                @NotNull @Min(0) @Max(DeadlinePolicyRules.MAX_WORKING_DAYS) Integer acknowledgeWorkingDays,
                @NotNull @Min(0) @Max(DeadlinePolicyRules.MAX_WORKING_DAYS) Integer resolveWorkingDays,
                @Min(1) @Max(DeadlinePolicyRules.MAX_HOURS) Integer acknowledgeHours,
                @Min(1) @Max(DeadlinePolicyRules.MAX_HOURS) Integer resolveHours) {

        DeadlineRule toRule() {
            return new DeadlineRule(source, severity, acknowledgeWorkingDays, resolveWorkingDays, acknowledgeHours, resolveHours);
        }
    }

    record Escalation(@NotNull @Min(0) @Max(DeadlinePolicyRules.MAX_WORKING_DAYS) Integer dueSoonWorkingDays,
                      @NotNull @Min(0) @Max(DeadlinePolicyRules.MAX_WORKING_DAYS) Integer yellowAfterWorkingDays,
                      @NotNull @Min(0) @Max(DeadlinePolicyRules.MAX_WORKING_DAYS) Integer redAfterWorkingDays) {

        EscalationSteps toSteps() {
            return new EscalationSteps(dueSoonWorkingDays, yellowAfterWorkingDays, redAfterWorkingDays);
        }
    }
}
