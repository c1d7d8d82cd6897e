package org.duban.query.metrics;

import org.duban.api.ranking.RankingWeights;

/**
 * Return visits (回访) counted for one owner department ({@code department} null with
 * {@code total} true: all of them) and the hotline three rates (三率) they give.
 */
public record FeedbackTally(String department, boolean total, long records, long contacted, long resolved,
                            long satisfied, long basicallySatisfied) {

    public static FeedbackTally none(String department) {
        return new FeedbackTally(department, false, 0, 0, 0, 0, 0);
    }

    /** 响应率: contacted ÷ records; null without records. */
    public Double response() {
        return records == 0 ? null : (double) contacted / records;
    }

    /** 解决率: resolved ÷ records; null without records. */
    public Double resolution() {
        return records == 0 ? null : (double) resolved / records;
    }

    /** 满意率: (SATISFIED + w·BASICALLY_SATISFIED) ÷ records; null without records. */
    public Double satisfaction(RankingWeights weights) {
        return records == 0 ? null : (satisfied + weights.w() * basicallySatisfied) / records;
    }

    /** a·响应率 + b·解决率 + c·满意率; null without records. */
    public Double composite(RankingWeights weights) {
        return records == 0 ? null : weights.composite(response(), resolution(), satisfaction(weights));
    }
}
