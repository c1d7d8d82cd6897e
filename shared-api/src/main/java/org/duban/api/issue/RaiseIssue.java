package org.duban.api.issue;

import java.time.Instant;
import org.duban.api.department.DepartmentCode;
import org.duban.api.personaldata.SealedPersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An inspector or the committee raises a supervised issue (督办事项). occurredAt is business time;
 * record time is never the client's. {@code inspectionRoundId} links a finding to its round (else null).
 */
public record RaiseIssue(@TargetAggregateIdentifier IssueId issueId, String title, String description, Source source, Category category, Severity severity, DepartmentCode concernedDepartment, String externalRef, SealedPersonalData complainant, Instant occurredAt, String inspectionRoundId) {

    /** An issue raised on its own, not as a finding of an inspection round. */
    public RaiseIssue(IssueId issueId, String title, String description, Source source, Category category,
                      Severity severity, DepartmentCode concernedDepartment, String externalRef,
                      SealedPersonalData complainant, Instant occurredAt) {
        this(issueId, title, description, source, category, severity, concernedDepartment, externalRef, complainant,
                occurredAt, null);
    }
}
