package org.duban.api.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 效果评价: the committee scores an executed project on 问题精准, 措施合理 and 效果明显, each 0–100. */
public record EvaluateProject(@TargetAggregateIdentifier String projectId, int problemPrecision, int measureSoundness,
                              int effectEvidence, String note) {
}
