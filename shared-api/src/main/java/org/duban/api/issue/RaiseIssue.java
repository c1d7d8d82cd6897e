package org.duban.api.issue;

import java.time.Instant;
import org.duban.api.department.DepartmentCode;
import org.duban.api.personaldata.SealedPersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An inspector or the committee raises a supervised issue (督办事项). occurredAt is business time; record time is never the client's. */
public record RaiseIssue(@TargetAggregateIdentifier IssueId issueId, String title, String description, Source source, Category category, Severity severity, DepartmentCode concernedDepartment, String externalRef, SealedPersonalData complainant, Instant occurredAt) {
}
