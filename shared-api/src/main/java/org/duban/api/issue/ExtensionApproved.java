package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The extension was approved; the due date moved. */
@Revision("1")
public record ExtensionApproved(IssueId issueId, LocalDate previousDueDate, LocalDate newDueDate, String note) implements IssueEvent {
}
