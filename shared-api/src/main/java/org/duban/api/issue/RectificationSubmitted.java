package org.duban.api.issue;

import java.util.List;
import org.duban.api.department.DepartmentCode;
import org.axonframework.serialization.Revision;

/** The owner submitted its rectification (整改) for verification. */
@Revision("1")
public record RectificationSubmitted(IssueId issueId, DepartmentCode department, String summary, List<String> evidence) implements IssueEvent {
}
