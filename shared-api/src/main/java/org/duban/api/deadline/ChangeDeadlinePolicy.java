package org.duban.api.deadline;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ADMIN replaces the deadline policy; the new version applies to deadlines set from then on. */
public record ChangeDeadlinePolicy(@TargetAggregateIdentifier String policyId, DeadlinePolicySpec spec) {
    public static final String DEFAULT_ID = "deadline-policy";
}
