package org.duban.api.issue;

import org.duban.api.department.DepartmentCode;
import org.axonframework.serialization.Revision;

/** The owner returned the issue (退单); it awaits reassignment. */
@Revision("1")
public record IssueReturned(IssueId issueId, DepartmentCode department, String reason) implements IssueEvent {
}
