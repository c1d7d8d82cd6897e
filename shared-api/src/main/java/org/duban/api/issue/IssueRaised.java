package org.duban.api.issue;

import java.time.LocalDate;
import java.time.Instant;
import org.duban.api.department.DepartmentCode;
import org.duban.api.personaldata.SealedPersonalData;
import org.axonframework.serialization.Revision;

/** A supervised issue was raised, with its deadlines from the policy version in force. */
@Revision("1")
public record IssueRaised(IssueId issueId, String title, String description, Source source, Category category, Severity severity, DepartmentCode concernedDepartment, String externalRef, SealedPersonalData complainant, Instant occurredAt, LocalDate acknowledgeDueDate, LocalDate dueDate, String deadlinePolicyVersion) implements IssueEvent {
}
