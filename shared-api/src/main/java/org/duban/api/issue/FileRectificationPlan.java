package org.duban.api.issue;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner files its rectification plan (整改方案). */
public record FileRectificationPlan(@TargetAggregateIdentifier IssueId issueId, String rootCause, String measures, List<Milestone> milestones) {
}
