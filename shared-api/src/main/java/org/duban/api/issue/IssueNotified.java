package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** 通报: the issue was named in a published bulletin (loop stage NOTIFICATION). */
@Revision("1")
public record IssueNotified(IssueId issueId, String bulletinId, BulletinEntryKind kind, String text) implements IssueEvent {
}
