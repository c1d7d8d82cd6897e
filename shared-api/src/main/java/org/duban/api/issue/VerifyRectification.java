package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An inspector who did not submit it verifies the rectification: passed closes the issue (销号), failed sends it back. */
public record VerifyRectification(@TargetAggregateIdentifier IssueId issueId, boolean passed, String note) {
}
