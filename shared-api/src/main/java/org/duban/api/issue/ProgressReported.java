package org.duban.api.issue;

import java.util.List;
import org.duban.api.department.DepartmentCode;
import org.axonframework.serialization.Revision;

/** Progress was reported by the owner or a co-department. */
@Revision("1")
public record ProgressReported(IssueId issueId, DepartmentCode department, int percent, String summary, List<String> evidence) implements IssueEvent {
}
