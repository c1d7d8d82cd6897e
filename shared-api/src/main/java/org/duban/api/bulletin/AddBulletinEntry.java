package org.duban.api.bulletin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.department.DepartmentCode;
import org.duban.api.issue.BulletinEntryKind;
import org.duban.api.issue.IssueId;

/** COMMITTEE names an issue in a draft bulletin, commending or criticising; {@code department} is optional. */
public record AddBulletinEntry(@TargetAggregateIdentifier String bulletinId, String entryId, IssueId issueId,
                               BulletinEntryKind kind, DepartmentCode department, String text) {
}
