package org.duban.api.inspection;

import org.axonframework.serialization.Revision;
import org.duban.api.department.DepartmentCode;

import java.time.LocalDate;
import java.util.List;

/** An inspection round was planned; it is open for findings until closed. */
@Revision("1")
public record RoundPlanned(String roundId, String title, RoundKind kind, LocalDate plannedDate,
                           List<DepartmentCode> departments) implements InspectionRoundEvent {
}
