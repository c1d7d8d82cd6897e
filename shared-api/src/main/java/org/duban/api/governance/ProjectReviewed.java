package org.duban.api.governance;

import org.axonframework.serialization.Revision;

/** An expert ({@code reviewer}, a name: experts need not be users) scored the project 0–100. */
@Revision("1")
public record ProjectReviewed(String projectId, String reviewer, int score, String comment) implements ProjectEvent {
}
