package org.duban.api.dashboard;

import java.time.Instant;
import java.util.List;

/** Month by month, oldest first, with month-over-month and year-over-year change. */
public record Trends(Instant knownAt, boolean asOf, String department, String category, String source,
                     List<TrendPoint> months) {
}
