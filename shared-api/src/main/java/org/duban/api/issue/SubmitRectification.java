package org.duban.api.issue;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner submits its rectification (整改) with evidence. */
public record SubmitRectification(@TargetAggregateIdentifier IssueId issueId, String summary, List<String> evidence) {
}
