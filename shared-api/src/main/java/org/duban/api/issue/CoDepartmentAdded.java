package org.duban.api.issue;

import org.duban.api.department.DepartmentCode;
import org.axonframework.serialization.Revision;

/** A co-department (协办) was added. */
@Revision("1")
public record CoDepartmentAdded(IssueId issueId, DepartmentCode department) implements IssueEvent {
}
