package org.duban.api.issue;

import java.time.LocalDate;
import java.time.Instant;
import org.duban.api.department.DepartmentCode;
import org.duban.api.personaldata.SealedPersonalData;
import org.axonframework.serialization.Revision;

/**
 * A supervised issue was raised, with its deadlines from the policy version in force. {@code dueAt}
 * is the exact due instant of an emergency counted in hours, else null (due at the end of {@code dueDate});
 * {@code inspectionRoundId} links a finding to its inspection round (督查 / 查房), else null.
 */
@Revision("1")
public record IssueRaised(IssueId issueId, String title, String description, Source source, Category category, Severity severity, DepartmentCode concernedDepartment, String externalRef, SealedPersonalData complainant, Instant occurredAt, LocalDate acknowledgeDueDate, LocalDate dueDate, String deadlinePolicyVersion, Instant dueAt,
                          String inspectionRoundId) implements IssueEvent {

    /** An issue whose deadline counts in working days: due at the end of {@code dueDate}, no due instant. */
    public IssueRaised(IssueId issueId, String title, String description, Source source, Category category,
                       Severity severity, DepartmentCode concernedDepartment, String externalRef,
                       SealedPersonalData complainant, Instant occurredAt, LocalDate acknowledgeDueDate, LocalDate dueDate,
                       String deadlinePolicyVersion) {
        this(issueId, title, description, source, category, severity, concernedDepartment, externalRef, complainant,
                occurredAt, acknowledgeDueDate, dueDate, deadlinePolicyVersion, null, null);
    }

    /** An issue not raised from an inspection round. */
    public IssueRaised(IssueId issueId, String title, String description, Source source, Category category,
                       Severity severity, DepartmentCode concernedDepartment, String externalRef,
                       SealedPersonalData complainant, Instant occurredAt, LocalDate acknowledgeDueDate, LocalDate dueDate,
                       String deadlinePolicyVersion, Instant dueAt) {
        this(issueId, title, description, source, category, severity, concernedDepartment, externalRef, complainant,
                occurredAt, acknowledgeDueDate, dueDate, deadlinePolicyVersion, dueAt, null);
    }
}
