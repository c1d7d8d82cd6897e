package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Merge this issue into another as a duplicate; this one ends WITHDRAWN with a link. */
public record MergeIssue(@TargetAggregateIdentifier IssueId issueId, IssueId intoIssueId, String reason) {
}
