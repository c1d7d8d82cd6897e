package org.duban.api.ranking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ADMIN or the committee replaces the ranking weights (DOMAIN.md "Assessment"): {@code w} weighs
 * BASICALLY_SATISFIED in 满意率, and the composite is a·响应率 + b·解决率 + c·满意率. Rankings
 * recorded from then on use the new version; past ones can be recomputed with either.
 */
public record ChangeRankingWeights(@TargetAggregateIdentifier String weightsId, double w, double a, double b, double c,
                                   String reason) {
    /** There is one set of ranking weights; its book is addressed by this fixed id. */
    public static final String DEFAULT_ID = "ranking-weights";
}
