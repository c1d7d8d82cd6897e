package org.duban.query.rankingweights;

import org.duban.api.ranking.RankingWeights;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The ranking weights as recorded by {@link RankingWeightsViewProjection}: a version is in force
 * from its record time until the next one's, and the published default (version 0) before the
 * first change. Record time, not a clock of the caller's choosing, so a ranking recomputed for a
 * past period uses the weights the system actually had then.
 */
@Component
class RecordedRankingWeights implements RankingWeightsSource {
    private final RankingWeightsRepository weights;

    RecordedRankingWeights(RankingWeightsRepository weights) {
        this.weights = weights;
    }

    @Override
    public RankingWeights inForceAt(Instant instant) {
        return weights.inForceAt(instant).map(RankingWeightsRepository::weights).orElse(RankingWeights.DEFAULT);
    }

    @Override
    public RankingWeights latest() {
        return weights.latest().map(RankingWeightsRepository::weights).orElse(RankingWeights.DEFAULT);
    }

    @Override
    public Optional<RankingWeights> version(int version) {
        if (version == 0) return Optional.of(RankingWeights.DEFAULT);
        return weights.version(version).map(RankingWeightsRepository::weights);
    }
}
