package org.duban.api.governance;

import org.axonframework.serialization.Revision;

/** 立项: the project was approved and may be executed. */
@Revision("1")
public record ProjectApproved(String projectId, String note) implements ProjectEvent {
}
