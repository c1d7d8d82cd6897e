package org.duban.api.issueview;

import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.LoopStage;
import org.duban.api.issue.Milestone;
import org.duban.api.issue.Satisfaction;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An issue as the read model knows it (or knew it at {@code asOf}). */
public record IssueDetail(String id, String title, String description, IssueStatus status, Source source,
                          Category category, Severity severity, String concernedDepartment, String externalRef,
                          ComplainantView complainant, String ownerDepartment, String assignee,
                          List<String> coDepartments, List<OwnerPeriod> ownerHistory, Deadlines deadlines,
                          boolean overdue, boolean onHold, long daysOnHold, EscalationLevel escalation,
                          List<ExtensionView> extensions, List<ProgressView> progress, PlanView plan,
                          RectificationView rectification, Map<LoopStage, Boolean> loopStages,
                          List<FeedbackView> feedback, List<String> recurrenceOf, LocalDate effectivenessCheckDueDate,
                          String withdrawalReason, String mergedInto, Instant raisedAt, Instant occurredAt,
                          Instant closedAt, long version, Instant asOf) {

    /**
     * Personal data of the complainant: plain for roles that may read it, masked for the others.
     * Once the data subject is erased, {@code erased} is true and name, phone and ID number are null
     * for every role. {@code subjectId} (the random id an erasure names) is shown to roles that may
     * read personal data and to ADMIN, who carries out erasures; null for the others.
     */
    public record ComplainantView(String subjectId, String name, String phone, String idNumber, boolean erased) {
        public static ComplainantView erasedFor(String subjectId) {
            return new ComplainantView(subjectId, null, null, null, true);
        }
    }

    /** Who owned the issue from when to when (to is null for the current owner). */
    public record OwnerPeriod(String department, Instant from, Instant to, String reason) {
    }

    /** {@code dueAt} is set for emergencies due at an exact instant; otherwise the issue is due at the end of {@code dueDate}. */
    public record Deadlines(LocalDate acknowledgeDueDate, LocalDate dueDate, Instant dueAt, String policyVersion,
                            Instant acknowledgedAt) {
    }

    public record ExtensionView(Instant requestedAt, LocalDate currentDueDate, LocalDate requestedDueDate,
                                String reason, String decision, Instant decidedAt, String note) {
    }

    public record ProgressView(Instant at, String department, int percent, String summary, List<String> evidence) {
    }

    public record PlanView(Instant filedAt, String rootCause, String measures, List<Milestone> milestones) {
    }

    /** One return visit (回访) of a hotline complainant. */
    public record FeedbackView(Instant at, boolean contacted, boolean resolved, Satisfaction satisfaction) {
    }

    public record RectificationView(Instant submittedAt, String department, String summary, List<String> evidence,
                                    String verificationNote) {
    }
}
