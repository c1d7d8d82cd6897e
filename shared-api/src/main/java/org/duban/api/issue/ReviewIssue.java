package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The committee comments on the issue or its handling (点评). */
public record ReviewIssue(@TargetAggregateIdentifier IssueId issueId, String comment) {
}
