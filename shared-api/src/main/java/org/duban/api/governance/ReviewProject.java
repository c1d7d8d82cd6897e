package org.duban.api.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 评审: the committee records one expert's score (0–100) of a proposed project; several experts may review. */
public record ReviewProject(@TargetAggregateIdentifier String projectId, String reviewer, int score, String comment) {
}
