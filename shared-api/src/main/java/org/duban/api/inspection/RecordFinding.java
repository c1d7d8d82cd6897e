package org.duban.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.department.DepartmentCode;
import org.duban.api.issue.Category;
import org.duban.api.issue.Severity;

/**
 * An inspector records a finding of an open round; it raises a linked issue. {@code department}
 * (optional) becomes the issue's owner; {@code step} is for party-building rounds only.
 */
public record RecordFinding(@TargetAggregateIdentifier String roundId, String findingId, String title, String description,
                            Category category, Severity severity, DepartmentCode department, PartyRoundStep step) {
}
