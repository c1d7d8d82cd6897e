package org.duban.api.bulletin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** COMMITTEE drafts the bulletin (通报) of a period such as {@code 2026-10} (the monthly cadre meeting). */
public record DraftBulletin(@TargetAggregateIdentifier String bulletinId, String title, String period) {
}
