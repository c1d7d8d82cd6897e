package org.duban.query.rankingweights;

import org.duban.api.ranking.RankingWeights;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** Placeholder until weights become versioned events: always the published default (version 0). */
@Component
class DefaultRankingWeights implements RankingWeightsSource {

    @Override
    public RankingWeights inForceAt(Instant instant) {
        return RankingWeights.DEFAULT;
    }

    @Override
    public RankingWeights latest() {
        return RankingWeights.DEFAULT;
    }

    @Override
    public Optional<RankingWeights> version(int version) {
        return version == 0 ? Optional.of(RankingWeights.DEFAULT) : Optional.empty();
    }
}
