package org.duban.api.issue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A published bulletin (通报) names this issue; sent by the bulletin process, not by people. */
public record RecordNotification(@TargetAggregateIdentifier IssueId issueId, String bulletinId, BulletinEntryKind kind, String text) {
}
