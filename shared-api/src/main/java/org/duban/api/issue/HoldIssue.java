package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pause the issue and its deadline clock (挂起), e.g. while waiting for an outside authority. */
public record HoldIssue(@TargetAggregateIdentifier IssueId issueId, String reason) {
}
