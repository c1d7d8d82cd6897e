package org.duban.api.issue;

import org.duban.api.department.DepartmentCode;
import org.axonframework.serialization.Revision;

/** The owner acknowledged the issue (签收). */
@Revision("1")
public record IssueAcknowledged(IssueId issueId, DepartmentCode department, String note) implements IssueEvent {
}
