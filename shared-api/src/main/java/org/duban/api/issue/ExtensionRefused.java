package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The extension was refused; the due date stays. */
@Revision("1")
public record ExtensionRefused(IssueId issueId, LocalDate requestedDueDate, String note) implements IssueEvent {
}
