package org.duban.api.issue;

import org.duban.api.department.DepartmentCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a co-department (协办): it reports progress but does not own the issue. */
public record AddCoDepartment(@TargetAggregateIdentifier IssueId issueId, DepartmentCode department) {
}
