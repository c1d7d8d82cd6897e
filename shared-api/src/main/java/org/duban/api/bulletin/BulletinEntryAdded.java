package org.duban.api.bulletin;

import org.axonframework.serialization.Revision;
import org.duban.api.department.DepartmentCode;
import org.duban.api.issue.BulletinEntryKind;
import org.duban.api.issue.IssueId;

/** A draft bulletin names an issue; {@code department} is null when the entry names none. */
@Revision("1")
public record BulletinEntryAdded(String bulletinId, String entryId, IssueId issueId, BulletinEntryKind kind,
                                 DepartmentCode department, String text) implements BulletinEvent {
}
