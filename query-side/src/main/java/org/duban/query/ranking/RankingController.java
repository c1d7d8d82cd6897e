package org.duban.query.ranking;

import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.ranking.Ranking;
import org.duban.api.ranking.RankingWeights;
import org.duban.query.metrics.Knowledge;
import org.duban.query.rankingweights.RankingWeightsSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * 月排名 / 年评比 of the departments by the hotline three rates, as the system knew them now or at
 * {@code asOf}; {@code weights} recomputes it with the newest weights ({@code latest}) or a given
 * version instead of those in force at the end of the period. Anyone signed in may read it.
 */
@RestController
@RequestMapping("/api/rankings")
class RankingController {
    private final Rankings rankings;
    private final RankingWeightsSource weights;
    private final Clock clock;

    RankingController(Rankings rankings, RankingWeightsSource weights, Clock clock) {
        this.rankings = rankings;
        this.weights = weights;
        this.clock = clock;
    }

    @GetMapping
    Ranking rank(@RequestParam String period,
                 @RequestParam(required = false) String weights,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        RankingPeriod p = RankingPeriod.parse(period);
        Knowledge k = Knowledge.of(asOf, clock);
        return rankings.rank(p, weights(weights, p, k), k);
    }

    /** Absent: in force at the end of the period, or at the instant asked if that is earlier. */
    private RankingWeights weights(String asked, RankingPeriod p, Knowledge k) {
        if (asked == null || asked.isBlank()) {
            Instant endOfPeriod = p.end(k.zone()).minusNanos(1);
            return this.weights.inForceAt(endOfPeriod.isBefore(k.at()) ? endOfPeriod : k.at());
        }
        if ("latest".equals(asked)) return this.weights.latest();
        if (!asked.matches("\\d{1,9}")) throw new InvalidInput("weights", "must be latest or a version number.");
        int version = Integer.parseInt(asked);
        return this.weights.version(version).orElseThrow(() -> new DomainRefusal(ErrorCode.NOT_FOUND,
                "No ranking weights version " + version + "."));
    }
}
