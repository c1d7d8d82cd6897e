package org.duban.api.governance;

import org.axonframework.serialization.Revision;
import org.duban.api.department.DepartmentCode;

/** A governance project was proposed (申报) by {@code department}. */
@Revision("1")
public record ProjectProposed(String projectId, String title, DepartmentCode department, String summary)
        implements ProjectEvent {
}
