package org.duban.query.metrics;

import org.duban.api.dashboard.Dashboard;
import org.duban.api.dashboard.DepartmentMetrics;
import org.duban.api.dashboard.Rates;
import org.duban.api.dashboard.TrendPoint;
import org.duban.api.dashboard.Trends;
import org.duban.api.dashboard.WallCard;
import org.duban.api.dashboard.WallChart;
import org.duban.api.dashboard.WallColumn;
import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Source;
import org.duban.api.ranking.RankingWeights;
import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.duban.query.rankingweights.RankingWeightsSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts the dashboard, the wall chart and the trends together from the fact tables. */
@Component
class Dashboards {
    static final int CARDS_PER_DEPARTMENT = 50;
    /** The sort key of the column of issues nobody owns yet: after every department. */
    private static final String UNASSIGNED = "\uffff";

    private final IssueFacts issues;
    private final FeedbackFacts feedback;
    private final RankingWeightsSource weights;
    private final DepartmentDirectory directory;

    Dashboards(IssueFacts issues, FeedbackFacts feedback, RankingWeightsSource weights, DepartmentDirectory directory) {
        this.issues = issues;
        this.feedback = feedback;
        this.weights = weights;
        this.directory = directory;
    }

    Dashboard dashboard(LocalDate from, LocalDate to, String department, Category category, Source source, Knowledge k) {
        MetricsFilter filter = new MetricsFilter(department, category, source, from == null ? null : k.startOf(from),
                to == null ? null : k.startOf(to.plusDays(1)));
        RankingWeights w = weights.inForceAt(k.at());
        IssueTally total = IssueTally.none(null);
        Map<String, IssueTally> issuesByDepartment = new TreeMap<>();
        for (IssueTally t : issues.tallies(filter, k)) {
            if (t.total()) total = t;
            else if (t.department() != null) issuesByDepartment.put(t.department(), t);
        }
        FeedbackTally visits = FeedbackTally.none(null);
        Map<String, FeedbackTally> visitsByDepartment = new TreeMap<>();
        for (FeedbackTally t : feedback.tallies(filter, k.at())) {
            if (t.total()) visits = t;
            else if (t.department() != null) visitsByDepartment.put(t.department(), t);
        }
        List<DepartmentMetrics> byDepartment = new ArrayList<>();
        TreeMap<String, Boolean> codes = new TreeMap<>();
        issuesByDepartment.keySet().forEach(c -> codes.put(c, true));
        visitsByDepartment.keySet().forEach(c -> codes.put(c, true));
        for (String code : codes.keySet()) {
            IssueTally it = issuesByDepartment.getOrDefault(code, IssueTally.none(code));
            FeedbackTally ft = visitsByDepartment.getOrDefault(code, FeedbackTally.none(code));
            byDepartment.add(new DepartmentMetrics(code, name(code), it.counts(), rates(it, ft, w)));
        }
        return new Dashboard(k.at(), k.asOf(), from, to, department, category == null ? null : category.name(),
                source == null ? null : source.name(), total.counts(), issues.ageing(filter, k), rates(total, visits, w),
                total.cycleTime(), total.extensionsPerIssue(), w.label(), byDepartment);
    }

    WallChart wall(String department, Knowledge k) {
        Map<String, Map<IssueStatus, Long>> byStatus = new TreeMap<>();
        Map<String, Map<EscalationLevel, Long>> byEscalation = new TreeMap<>();
        Map<String, List<WallCard>> cards = new TreeMap<>();
        for (IssueFacts.WallCount c : issues.wallCounts(department, k)) {
            String key = c.department() == null ? UNASSIGNED : c.department();
            if (c.status() != null) {
                byStatus.computeIfAbsent(key, d -> new EnumMap<>(IssueStatus.class)).put(c.status(), c.count());
            } else {
                byEscalation.computeIfAbsent(key, d -> new EnumMap<>(EscalationLevel.class)).put(c.escalation(), c.count());
            }
        }
        for (IssueFacts.DepartmentCard c : issues.wallCards(department, k, CARDS_PER_DEPARTMENT)) {
            cards.computeIfAbsent(c.department() == null ? UNASSIGNED : c.department(), d -> new ArrayList<>()).add(c.card());
        }
        List<WallColumn> columns = new ArrayList<>();
        for (String key : byStatus.keySet()) {
            String code = UNASSIGNED.equals(key) ? null : key;
            columns.add(new WallColumn(code, code == null ? "待分派" : name(code), byStatus.get(key),
                    byEscalation.getOrDefault(key, Map.of()), cards.getOrDefault(key, List.of())));
        }
        return new WallChart(k.at(), k.asOf(), columns);
    }

    Trends trends(int months, String department, Category category, Source source, Knowledge k) {
        YearMonth last = YearMonth.from(k.today());
        // A year more than shown, so the first months shown have their month-over-month and year-over-year base.
        YearMonth first = last.minusMonths(months - 1L + 12);
        List<YearMonth> all = new ArrayList<>();
        List<Instant> bounds = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            all.add(m);
            bounds.add(k.startOf(m.atDay(1)));
        }
        bounds.add(k.startOf(last.plusMonths(1).atDay(1)));
        MetricsFilter filter = new MetricsFilter(department, category, source, null, null);
        long[][] counts = issues.raisedAndClosed(filter, k, bounds);
        long[][] visits = issues.feedbackByInterval(filter, k.at(), bounds);
        RankingWeights w = weights.inForceAt(k.at());
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 12; i < all.size(); i++) {
            long raised = counts[0][i];
            long records = visits[0][i];
            Double satisfaction = records == 0 ? null : (visits[1][i] + w.w() * visits[2][i]) / records;
            points.add(new TrendPoint(all.get(i).toString(), raised, counts[1][i], records, satisfaction,
                    change(raised, counts[0][i - 1]), change(raised, counts[0][i - 12])));
        }
        return new Trends(k.at(), k.asOf(), department, category == null ? null : category.name(),
                source == null ? null : source.name(), points);
    }

    private static Double change(long now, long base) {
        return base == 0 ? null : (double) (now - base) / base;
    }

    private static Rates rates(IssueTally it, FeedbackTally ft, RankingWeights w) {
        return new Rates(it.onTimeAcknowledgement(), it.onTimeClosure(), it.effectiveness(), it.recurrence(),
                it.loopCompleteness(), ft.response(), ft.resolution(), ft.satisfaction(w), ft.composite(w));
    }

    private String name(String code) {
        return directory.find(code).map(Department::name).orElse(code);
    }
}
