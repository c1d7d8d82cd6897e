package org.duban.api.governance;

import org.axonframework.serialization.Revision;

/** The project was concluded (结题) with {@code award}; its lifecycle ends here. */
@Revision("1")
public record ProjectConcluded(String projectId, AwardLevel award, String note) implements ProjectEvent {
}
