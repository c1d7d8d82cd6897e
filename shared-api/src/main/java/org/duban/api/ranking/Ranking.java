package org.duban.api.ranking;

import java.time.Instant;
import java.util.List;

/** Departments ranked for a month ({@code 2026-10}, 月排名) or a year ({@code 2026}, 年评比), best first. */
public record Ranking(String period, Instant knownAt, boolean asOf, RankingWeights weights,
                      List<RankedDepartment> departments) {
}
