package org.duban.api.issue;

import org.duban.api.department.DepartmentCode;
import org.axonframework.serialization.Revision;

/** This issue repeats an earlier one of the same department and category within the look-back window. */
@Revision("1")
public record RecurrenceFlagged(IssueId issueId, IssueId earlierIssueId, DepartmentCode department, Category category, int lookBackDays) implements IssueEvent {
}
