package org.duban.api.issue;

import java.util.List;
import org.axonframework.serialization.Revision;

/** The owner filed a rectification plan (整改方案). */
@Revision("1")
public record RectificationPlanFiled(IssueId issueId, String rootCause, String measures, List<Milestone> milestones) implements IssueEvent {
}
