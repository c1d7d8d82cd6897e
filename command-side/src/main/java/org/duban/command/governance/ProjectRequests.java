package org.duban.command.governance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.duban.api.governance.AwardLevel;

import java.util.List;

/** The HTTP bodies of the governance project commands (API.md), validated before any command is sent. */
final class ProjectRequests {
    static final String DEPARTMENT = "[A-Z][A-Z0-9_]{0,63}";
    static final String DEPARTMENT_MESSAGE = "must be a department code like PHARMACY";
    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private ProjectRequests() {
    }

    record Proposal(@NotBlank @Size(max = 200) String title,
                    @NotBlank @Pattern(regexp = DEPARTMENT, message = DEPARTMENT_MESSAGE) String department,
                    @Size(max = 10_000) String summary) {
    }

    record Review(@NotBlank @Size(max = 100) String reviewer,
                  @NotNull @Min(0) @Max(100) Integer score,
                  @Size(max = 5_000) String comment) {
    }

    record Approval(@NotNull Boolean approved, @Size(max = 2_000) String note) {
    }

    record StageReport(@NotBlank @Size(max = 10_000) String summary,
                       @Size(max = 100) List<@NotNull @Pattern(regexp = UUID, message = "must be an issue id") String> linkedIssueIds) {
    }

    record Evaluation(@NotNull @Min(0) @Max(100) Integer problemPrecision,
                      @NotNull @Min(0) @Max(100) Integer measureSoundness,
                      @NotNull @Min(0) @Max(100) Integer effectEvidence,
                      @Size(max = 5_000) String note) {
    }

    record Conclusion(@NotNull AwardLevel award, @Size(max = 2_000) String note) {
    }
}
