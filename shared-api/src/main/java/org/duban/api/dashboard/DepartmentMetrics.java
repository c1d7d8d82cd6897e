package org.duban.api.dashboard;

/** The same metrics for one owner department. */
public record DepartmentMetrics(String department, String name, Counts counts, Rates rates) {
}
