package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The assigned department returns an issue it is not responsible for (退单), before acknowledging it. */
public record ReturnIssue(@TargetAggregateIdentifier IssueId issueId, String reason) {
}
