package org.duban.query.rankingweights;

import org.duban.api.ranking.RankingWeights;

import java.time.Instant;
import java.util.Optional;

/**
 * Which ranking weights apply: those in force at an instant (record time), the newest, or a
 * given version, so a past ranking can be recomputed with the weights then in force or new ones.
 */
public interface RankingWeightsSource {

    RankingWeights inForceAt(Instant instant);

    RankingWeights latest();

    Optional<RankingWeights> version(int version);
}
