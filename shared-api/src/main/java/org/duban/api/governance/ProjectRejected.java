package org.duban.api.governance;

import org.axonframework.serialization.Revision;

/** The project was not approved; nothing further happens to it. */
@Revision("1")
public record ProjectRejected(String projectId, String note) implements ProjectEvent {
}
