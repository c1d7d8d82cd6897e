package org.duban.api.dashboard;

/**
 * Rates between 0 and 1, null when their denominator is zero (no data is not 0 %).
 * response/resolution/satisfaction are the hotline three rates (三率); composite is
 * a·response + b·resolution + c·satisfaction with the ranking weights in force.
 */
public record Rates(Double onTimeAcknowledgement, Double onTimeClosure, Double effectiveness, Double recurrence,
                    Double loopCompleteness, Double response, Double resolution, Double satisfaction,
                    Double composite) {
}
