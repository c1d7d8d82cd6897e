package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An inspector or the committee decides the pending extension request. */
public record DecideExtension(@TargetAggregateIdentifier IssueId issueId, boolean approved, String note) {
}
