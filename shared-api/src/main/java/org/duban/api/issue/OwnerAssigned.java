package org.duban.api.issue;

import org.duban.api.department.DepartmentCode;
import org.axonframework.serialization.Revision;

/** A department became the owner; previousDepartment is null on first assignment. */
@Revision("1")
public record OwnerAssigned(IssueId issueId, DepartmentCode department, DepartmentCode previousDepartment, String assignee, String reason) implements IssueEvent {
}
