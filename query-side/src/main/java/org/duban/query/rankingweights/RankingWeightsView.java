package org.duban.query.rankingweights;

import java.time.Instant;
import java.util.List;

/**
 * The ranking weights in force (version 0 is the published default, in force since the epoch)
 * and every change before: its weights, reason, record time and who made it, oldest first.
 */
record RankingWeightsView(long version, double w, double a, double b, double c, Instant since, List<Change> history) {

    record Change(long version, double w, double a, double b, double c, String reason, Instant changedAt, String changedBy) {
    }
}
