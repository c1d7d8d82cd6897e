package org.duban.api.ranking;

import java.util.List;

/**
 * One department's place: return visits (feedback records) of its hotline issues in the period,
 * the three rates and the composite. Equal composites share a rank.
 */
public record RankedDepartment(int rank, String department, String name, long records, long contacted,
                               long resolved, long satisfied, long basicallySatisfied, double response,
                               double resolution, double satisfaction, double composite,
                               List<RankingFlag> flags) {
}
