package org.duban.api.inspection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.department.DepartmentCode;

import java.time.LocalDate;
import java.util.List;

/** An inspector or the committee plans an inspection round (督查 / 查房); {@code departments} it will visit may be empty. */
public record PlanRound(@TargetAggregateIdentifier String roundId, String title, RoundKind kind, LocalDate plannedDate,
                        List<DepartmentCode> departments) {
}
