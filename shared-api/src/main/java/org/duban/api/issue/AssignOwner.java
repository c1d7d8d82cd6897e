package org.duban.api.issue;

import org.duban.api.department.DepartmentCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign, or reassign, the responsible department (主责部门). */
public record AssignOwner(@TargetAggregateIdentifier IssueId issueId, DepartmentCode department, String assignee, String reason) {
}
