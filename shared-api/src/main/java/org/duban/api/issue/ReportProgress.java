package org.duban.api.issue;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner or a co-department reports progress (阶段性汇报). */
public record ReportProgress(@TargetAggregateIdentifier IssueId issueId, int percent, String summary, List<String> evidence) {
}
