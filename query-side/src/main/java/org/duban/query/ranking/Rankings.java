package org.duban.query.ranking;

import org.duban.api.ranking.RankedDepartment;
import org.duban.api.ranking.Ranking;
import org.duban.api.ranking.RankingFlag;
import org.duban.api.ranking.RankingWeights;
import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.duban.query.metrics.FeedbackFacts;
import org.duban.query.metrics.FeedbackTally;
import org.duban.query.metrics.Knowledge;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ranks departments by the composite of their hotline three rates in a period: every department
 * with at least one return visit recorded in it, best first; equal composites share a rank. The
 * bottom 5 % (at least one place, ties at the cut included, and never a department as good as the
 * best) are flagged; bottom in the previous period too adds TWICE_BOTTOM.
 */
@Component
class Rankings {
    /** Composites are compared at this precision, so rates equal on paper are equal here. */
    private static final double SCALE = 1e9;

    private final FeedbackFacts feedback;
    private final DepartmentDirectory directory;

    Rankings(FeedbackFacts feedback, DepartmentDirectory directory) {
        this.feedback = feedback;
        this.directory = directory;
    }

    Ranking rank(RankingPeriod period, RankingWeights weights, Knowledge k) {
        List<Scored> current = scored(period, weights, k);
        Set<String> bottomBefore = bottom(scored(period.previous(), weights, k));
        Set<String> bottomNow = bottom(current);
        List<RankedDepartment> out = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            Scored s = current.get(i);
            int rank = i > 0 && s.key() == current.get(i - 1).key() ? out.get(i - 1).rank() : i + 1;
            List<RankingFlag> flags = new ArrayList<>();
            if (bottomNow.contains(s.department())) {
                flags.add(RankingFlag.BOTTOM_5_PERCENT);
                if (bottomBefore.contains(s.department())) flags.add(RankingFlag.TWICE_BOTTOM);
            }
            FeedbackTally t = s.tally();
            out.add(new RankedDepartment(rank, s.department(), name(s.department()), t.records(), t.contacted(),
                    t.resolved(), t.satisfied(), t.basicallySatisfied(), t.response(), t.resolution(),
                    t.satisfaction(weights), s.composite(), List.copyOf(flags)));
        }
        return new Ranking(period.label(), k.at(), k.asOf(), weights, out);
    }

    private List<Scored> scored(RankingPeriod period, RankingWeights weights, Knowledge k) {
        List<Scored> all = new ArrayList<>();
        for (FeedbackTally t : feedback.byDepartment(period.start(k.zone()), period.end(k.zone()), k.at())) {
            if (t.total() || t.department() == null || t.records() == 0) continue;
            double composite = t.composite(weights);
            all.add(new Scored(t.department(), t, composite, Math.round(composite * SCALE)));
        }
        all.sort(Comparator.comparingLong(Scored::key).reversed().thenComparing(Scored::department));
        return all;
    }

    /** The lowest max(1, ⌈n·5 %⌉) places when there are at least two departments, ties at the cut included. */
    static Set<String> bottom(List<Scored> ranked) {
        Set<String> bottom = new HashSet<>();
        int n = ranked.size();
        if (n < 2) return bottom;
        int places = Math.max(1, (int) Math.ceil(n * 0.05));
        long cut = ranked.get(n - places).key();
        long best = ranked.getFirst().key();
        for (Scored s : ranked) {
            if (s.key() <= cut && s.key() < best) bottom.add(s.department());
        }
        return bottom;
    }

    private String name(String code) {
        return directory.find(code).map(Department::name).orElse(code);
    }

    record Scored(String department, FeedbackTally tally, double composite, long key) {
    }
}
