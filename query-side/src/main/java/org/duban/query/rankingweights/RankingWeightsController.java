package org.duban.query.rankingweights;

import jakarta.validation.constraints.Min;
import org.duban.api.ranking.RankingWeights;
import org.duban.query.web.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ranking weights in force and their history, for everyone signed in; {@code minVersion} waits for the latest change. */
@RestController
class RankingWeightsController {
    private final RankingWeightsRepository weights;
    private final ReadYourWrites readYourWrites;

    RankingWeightsController(RankingWeightsRepository weights, ReadYourWrites readYourWrites) {
        this.weights = weights;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/ranking-weights")
    RankingWeightsView current(@RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.await(minVersion, weights::version);
        RankingWeights latest = weights.latest().map(RankingWeightsRepository::weights).orElse(RankingWeights.DEFAULT);
        return new RankingWeightsView(latest.version(), latest.w(), latest.a(), latest.b(), latest.c(), latest.since(),
                weights.history(latest.version()));
    }
}
