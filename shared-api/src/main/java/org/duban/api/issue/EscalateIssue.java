package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The committee or an inspector raises the supervision level by hand (挂牌督办). */
public record EscalateIssue(@TargetAggregateIdentifier IssueId issueId, EscalationLevel level, String reason) {
}
