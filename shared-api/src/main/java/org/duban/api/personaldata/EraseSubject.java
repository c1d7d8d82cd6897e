package org.duban.api.personaldata;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ADMIN erases a data subject's personal data for good by destroying its key (crypto-shredding). */
public record EraseSubject(@TargetAggregateIdentifier String subjectId, String reason) {
}
