package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner department acknowledges the issue (签收). */
public record AcknowledgeIssue(@TargetAggregateIdentifier IssueId issueId, String note) {
}
