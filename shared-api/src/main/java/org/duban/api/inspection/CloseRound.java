package org.duban.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The round is over: no further findings; the issues it raised go on. */
public record CloseRound(@TargetAggregateIdentifier String roundId) {
}
