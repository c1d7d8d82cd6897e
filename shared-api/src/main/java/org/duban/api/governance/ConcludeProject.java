package org.duban.api.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 结题考核: the committee concludes an evaluated project with an award level. */
public record ConcludeProject(@TargetAggregateIdentifier String projectId, AwardLevel award, String note) {
}
