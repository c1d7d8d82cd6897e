package org.duban.api.dashboard;

/** Open overdue issues by calendar days past due: [{@code fromDays}, {@code toDays}], {@code toDays} null = no upper bound. */
public record AgeBucket(String label, int fromDays, Integer toDays, long count) {
}
