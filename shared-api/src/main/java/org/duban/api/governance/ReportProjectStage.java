package org.duban.api.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** 执行: the project's department reports a stage (阶段性汇报), linking the issues it addresses (issue ids, UUIDs). */
public record ReportProjectStage(@TargetAggregateIdentifier String projectId, String summary, List<String> linkedIssueIds) {
}
