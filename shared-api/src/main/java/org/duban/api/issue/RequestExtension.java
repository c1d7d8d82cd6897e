package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner asks for a later due date (延期), before the current one has passed. */
public record RequestExtension(@TargetAggregateIdentifier IssueId issueId, LocalDate requestedDueDate, String reason) {
}
