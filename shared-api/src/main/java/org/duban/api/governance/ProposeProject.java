package org.duban.api.governance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.department.DepartmentCode;

/** 申报: a department (or the committee on its behalf) proposes a governance project. */
public record ProposeProject(@TargetAggregateIdentifier String projectId, String title, DepartmentCode department,
                             String summary) {
}
