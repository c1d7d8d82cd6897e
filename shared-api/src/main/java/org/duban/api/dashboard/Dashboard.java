package org.duban.api.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The metrics of DOMAIN.md "Dashboards and metrics" for one filter, as the system knew them at
 * {@code knownAt} (now, or the {@code asOf} asked for). The cohort is the issues whose business
 * time ({@code occurredAt}) falls in [{@code from}, {@code to}]; the three hotline rates count
 * the return visits (feedback records) recorded in the same period.
 */
public record Dashboard(Instant knownAt, boolean asOf, LocalDate from, LocalDate to, String department,
                        String category, String source, Counts counts, List<AgeBucket> overdueAgeing,
                        Rates rates, CycleTime cycleTimeDays, Double extensionsPerIssue, String weightsVersion,
                        List<DepartmentMetrics> byDepartment) {
}
