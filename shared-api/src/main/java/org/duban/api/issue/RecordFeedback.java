package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The return visit (回访) of a hotline complainant: contacted, resolved, satisfaction. */
public record RecordFeedback(@TargetAggregateIdentifier IssueId issueId, boolean contacted, boolean resolved, Satisfaction satisfaction) {
}
