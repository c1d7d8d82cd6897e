package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw an issue with a reason; it is never deleted. */
public record WithdrawIssue(@TargetAggregateIdentifier IssueId issueId, String reason) {
}
