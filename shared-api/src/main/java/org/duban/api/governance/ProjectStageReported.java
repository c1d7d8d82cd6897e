package org.duban.api.governance;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A stage of an approved project was reported; {@code linkedIssueIds} are the issues it addresses (possibly none). */
@Revision("1")
public record ProjectStageReported(String projectId, String summary, List<String> linkedIssueIds) implements ProjectEvent {
}
