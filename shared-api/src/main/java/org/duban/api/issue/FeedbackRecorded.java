package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** 回访: the hotline complainant was visited back. */
@Revision("1")
public record FeedbackRecorded(IssueId issueId, boolean contacted, boolean resolved, Satisfaction satisfaction) implements IssueEvent {
}
