package org.duban.api.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** 立项 or not: the committee decides a reviewed project. */
public record DecideProject(@TargetAggregateIdentifier String projectId, boolean approved, String note) {
}
