package org.duban.api.bulletin;

import org.duban.api.department.DepartmentCode;
import org.duban.api.issue.BulletinEntryKind;
import org.duban.api.issue.IssueId;

/** One entry of a published bulletin, as it was published; {@code department} may be null. */
public record BulletinEntry(String entryId, IssueId issueId, BulletinEntryKind kind, DepartmentCode department, String text) {
}
