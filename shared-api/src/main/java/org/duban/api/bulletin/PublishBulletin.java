package org.duban.api.bulletin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** COMMITTEE publishes a bulletin; from then on it is immutable and every named issue is notified. */
public record PublishBulletin(@TargetAggregateIdentifier String bulletinId) {
}
