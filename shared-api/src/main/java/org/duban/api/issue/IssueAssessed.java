package org.duban.api.issue;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** 考核: scores on named dimensions, with the score-weight version in force (loop stage ASSESSMENT). */
@Revision("1")
public record IssueAssessed(IssueId issueId, Map<String, Integer> scores, String note, String weightVersion) implements IssueEvent {
}
