package org.duban.api.issue;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The committee scores the issue's handling on named dimensions, 0–100 each (考核). */
public record AssessIssue(@TargetAggregateIdentifier IssueId issueId, Map<String, Integer> scores, String note) {
}
