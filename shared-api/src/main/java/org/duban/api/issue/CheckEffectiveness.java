package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The effectiveness check (回头看) some time after closing: recurred reopens the issue. */
public record CheckEffectiveness(@TargetAggregateIdentifier IssueId issueId, boolean recurred, String note) {
}
