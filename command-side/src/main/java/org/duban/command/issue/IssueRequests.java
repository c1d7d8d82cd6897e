package org.duban.command.issue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.Satisfaction;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The HTTP bodies of the issue commands (API.md), validated before any command is sent. */
final class IssueRequests {
    static final String DEPARTMENT = "[A-Z][A-Z0-9_]{0,63}";
    static final String DEPARTMENT_MESSAGE = "must be a department code like PHARMACY";

    private IssueRequests() {
    }

    record Raise(@NotBlank @Size(max = 200) String title,
                 @NotBlank @Size(max = 10_000) String description,
                 @NotNull Source source,
                 @NotNull Category category,
                 Severity severity,
                 @Pattern(regexp = DEPARTMENT, message = DEPARTMENT_MESSAGE) String concernedDepartment,
                 @Size(max = 100) String externalRef,
                 @Valid Complainant complainant,
                 @PastOrPresent Instant occurredAt) {
    }

    record Complainant(@Size(max = 100) String name,
                       @Size(max = 40) @Pattern(regexp = "[0-9+() -]*", message = "must be a phone number") String phone,
                       @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z]*", message = "must be an ID number") String idNumber) {
    }

    record Assignment(@NotBlank @Pattern(regexp = DEPARTMENT, message = DEPARTMENT_MESSAGE) String department,
                      @Size(max = 100) String assignee,
                      @Size(max = 2_000) String reason) {
    }

    record Note(@Size(max = 2_000) String note) {
    }

    record Reason(@NotBlank @Size(max = 2_000) String reason) {
    }

    record CoDepartment(@NotBlank @Pattern(regexp = DEPARTMENT, message = DEPARTMENT_MESSAGE) String department) {
    }

    record Progress(@NotNull @Min(0) @Max(100) Integer percent,
                    @NotBlank @Size(max = 5_000) String summary,
                    @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence) {
    }

    record ExtensionRequest(@NotNull LocalDate requestedDueDate, @NotBlank @Size(max = 2_000) String reason) {
    }

    record ExtensionDecision(@NotNull Boolean approved, @Size(max = 2_000) String note) {
    }

    record Rectification(@NotBlank @Size(max = 5_000) String summary,
                         @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence) {
    }

    record Verification(@NotNull Boolean passed, @NotBlank @Size(max = 2_000) String note) {
    }

    record EffectivenessCheck(@NotNull Boolean recurred, @NotBlank @Size(max = 2_000) String note) {
    }

    record Escalation(@NotNull EscalationLevel level, @NotBlank @Size(max = 2_000) String reason) {
    }

    record Review(@NotBlank @Size(max = 5_000) String comment) {
    }

    record Assessment(@NotNull @Size(min = 1, max = 20) Map<@NotBlank @Size(max = 50) String, @NotNull @Min(0) @Max(100) Integer> scores,
                      @Size(max = 2_000) String note) {
    }

    record Feedback(@NotNull Boolean contacted, @NotNull Boolean resolved, @NotNull Satisfaction satisfaction) {
    }

    record Merge(@NotBlank @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an issue id") String intoIssueId,
                 @Size(max = 2_000) String reason) {
    }

    record Plan(@NotBlank @Size(max = 5_000) String rootCause,
                @NotBlank @Size(max = 5_000) String measures,
                @Size(max = 50) List<@NotNull @Valid Milestone> milestones) {
    }

    record Milestone(@NotBlank @Size(max = 500) String title, @NotNull LocalDate dueDate) {
    }
}
