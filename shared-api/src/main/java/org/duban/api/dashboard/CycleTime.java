package org.duban.api.dashboard;

/** Days from raising to 销号 of the closed issues of a cohort; null when none closed. */
public record CycleTime(Double median, Double p90) {
}
