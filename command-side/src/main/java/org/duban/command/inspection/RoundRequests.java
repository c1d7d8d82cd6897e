package org.duban.command.inspection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.duban.api.inspection.PartyRoundStep;
import org.duban.api.inspection.RoundKind;
import org.duban.api.issue.Category;
import org.duban.api.issue.Severity;

import java.time.LocalDate;
import java.util.List;

/** The HTTP bodies of the inspection-round commands (API.md), validated before any command is sent. */
final class RoundRequests {
    static final String DEPARTMENT = "[A-Z][A-Z0-9_]{0,63}";
    static final String DEPARTMENT_MESSAGE = "must be a department code like PHARMACY";

    private RoundRequests() {
    }

    record Plan(@NotBlank @Size(max = 200) String title,
                @NotNull RoundKind kind,
                LocalDate plannedDate,
                @Size(max = 100) List<@NotNull @Pattern(regexp = DEPARTMENT, message = DEPARTMENT_MESSAGE) String> departments) {
    }

    record Finding(@NotBlank @Size(max = 200) String title,
                   @NotBlank @Size(max = 10_000) String description,
                   @NotNull Category category,
                   Severity severity,
                   @Pattern(regexp = DEPARTMENT, message = DEPARTMENT_MESSAGE) String department,
                   PartyRoundStep step) {
    }
}
