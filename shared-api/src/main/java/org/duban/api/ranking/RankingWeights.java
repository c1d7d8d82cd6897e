package org.duban.api.ranking;

import java.time.Instant;

/**
 * The weights of the hotline three rates (DOMAIN.md): 满意率 counts BASICALLY_SATISFIED with
 * weight {@code w}; composite = a·响应率 + b·解决率 + c·满意率. Versioned; version 0 is the
 * published default in force until someone changes it.
 */
public record RankingWeights(int version, double w, double a, double b, double c, Instant since) {
    public static final RankingWeights DEFAULT = new RankingWeights(0, 0.9, 0.1, 0.5, 0.4, Instant.EPOCH);

    public String label() {
        return "ranking-weights/" + version;
    }

    public double composite(double response, double resolution, double satisfaction) {
        return a * response + b * resolution + c * satisfaction;
    }
}
