package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resume a held issue; its due date moves by the time spent on hold. */
public record ResumeIssue(@TargetAggregateIdentifier IssueId issueId, String reason) {
}
