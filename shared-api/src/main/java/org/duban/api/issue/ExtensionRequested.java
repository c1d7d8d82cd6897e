package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The owner asked for a later due date. */
@Revision("1")
public record ExtensionRequested(IssueId issueId, LocalDate currentDueDate, LocalDate requestedDueDate, String reason) implements IssueEvent {
}
