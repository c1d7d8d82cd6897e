package org.duban.standalone.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.api.ranking.RankingWeights;
import org.duban.query.rankingweights.RankingWeightsSource;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.MetricsApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.duban.standalone.support.MetricsApp.beijing;

/**
 * 月排名 / 年评比 on return visits recorded September to November 2026 (Beijing) for four
 * departments, with two weight versions: the published default (v0) and v1 (w 0.5, a 0.2, b 0.4,
 * c 0.4) in force from 1 November. Return visits (contacted, resolved, satisfaction):
 * <pre>
 *              September        October                          November
 * PHARMACY     11th ✓✓满意       10th ✓✓满意 ×2                   5th ✓✓满意
 * INPATIENT    10th ––不满意      31st 23:30 ––不满意               5th ––不满意
 * NURSING                       12th ✓✓满意                       5th ––不满意
 * OUTPATIENT                    15th ✓–基本满意
 * </pre>
 */
class RankingScenarioTest {
    static final RankingWeights V1 = new RankingWeights(1, 0.5, 0.2, 0.4, 0.4, beijing("2026-11-01T00:00"));
    private static MetricsApp app;
    private static Api api;

    /** Two versions of the weights, as the versioned source will hold them. */
    static final class TwoVersions implements RankingWeightsSource {
        @Override
        public RankingWeights inForceAt(Instant instant) {
            return instant.isBefore(V1.since()) ? RankingWeights.DEFAULT : V1;
        }

        @Override
        public RankingWeights latest() {
            return V1;
        }

        @Override
        public Optional<RankingWeights> version(int version) {
            return version == 0 ? Optional.of(RankingWeights.DEFAULT) : version == 1 ? Optional.of(V1) : Optional.empty();
        }
    }

    @BeforeAll
    static void scenario() {
        app = new MetricsApp("2026-09-01T09:00", builder -> builder.initializers(context ->
                ((GenericApplicationContext) context).registerBean("twoWeightVersions", RankingWeightsSource.class,
                        TwoVersions::new, definition -> definition.setPrimary(true))), users());
        api = app.api;
        app.at("2026-09-01T09:00");
        String p = hotline("PHARMACY", "pharmacy");
        String i = hotline("INPATIENT_SERVICE", "inpatient");
        String n = hotline("NURSING", "nursing");
        String o = hotline("OUTPATIENT", "outpatient");
        visit("2026-09-10T09:00", i, false, false, "DISSATISFIED");
        visit("2026-09-11T09:00", p, true, true, "SATISFIED");
        app.at("2026-10-08T09:00");
        app.raise("十月督查一", "INSPECTION", null);
        app.raise("十月督查二", "INSPECTION", null);
        app.raise("补录：去年十月的投诉", "HOTLINE", beijing("2025-10-15T09:00"));
        visit("2026-10-10T09:00", p, true, true, "SATISFIED");
        visit("2026-10-10T09:00", p, true, true, "SATISFIED");
        visit("2026-10-12T09:00", n, true, true, "SATISFIED");
        visit("2026-10-15T09:00", o, true, false, "BASICALLY_SATISFIED");
        visit("2026-10-31T23:30", i, false, false, "DISSATISFIED"); // still October in Beijing (15:30Z)
        visit("2026-11-05T09:00", p, true, true, "SATISFIED");
        visit("2026-11-05T09:00", i, false, false, "DISSATISFIED");
        visit("2026-11-05T09:00", n, false, false, "DISSATISFIED");
        app.at("2026-11-20T10:00");
        app.awaitProjected();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @Test
    void october_ranks_by_composite_with_ties_sharing_a_rank_and_flags_the_twice_bottom() {
        JsonNode october = ranking("period=2026-10");
        assertThat(october.get("period").asText()).isEqualTo("2026-10");
        assertThat(october.at("/weights/version").asInt()).as("in force at the end of October").isZero();
        assertThat(departments(october)).containsExactly("NURSING", "PHARMACY", "OUTPATIENT", "INPATIENT_SERVICE");
        assertThat(ranks(october)).containsExactly(1, 1, 3, 4);
        JsonNode pharmacy = october.at("/departments/1");
        assertThat(pharmacy.get("name").asText()).isEqualTo("药学部");
        assertThat(pharmacy.get("records").asLong()).isEqualTo(2);
        assertThat(pharmacy.get("composite").asDouble()).isCloseTo(1.0, within(1e-9));
        JsonNode outpatient = october.at("/departments/2");
        assertThat(outpatient.get("basicallySatisfied").asLong()).isEqualTo(1);
        assertThat(outpatient.get("response").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(outpatient.get("resolution").asDouble()).isCloseTo(0.0, within(1e-9));
        assertThat(outpatient.get("satisfaction").asDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(outpatient.get("composite").asDouble()).isCloseTo(0.1 + 0.4 * 0.9, within(1e-9));
        assertThat(flags(october)).containsExactly(List.of(), List.of(), List.of(), List.of("BOTTOM_5_PERCENT", "TWICE_BOTTOM"));

        JsonNode september = ranking("period=2026-09");
        assertThat(departments(september)).containsExactly("PHARMACY", "INPATIENT_SERVICE");
        assertThat(flags(september)).containsExactly(List.of(), List.of("BOTTOM_5_PERCENT"));
    }

    @Test
    void ties_at_the_cut_are_all_bottom_and_only_a_repeat_is_twice_bottom() {
        JsonNode november = ranking("period=2026-11");
        assertThat(november.at("/weights/version").asInt()).as("in force now, before the end of November").isEqualTo(1);
        assertThat(departments(november)).containsExactly("PHARMACY", "INPATIENT_SERVICE", "NURSING");
        assertThat(ranks(november)).containsExactly(1, 2, 2);
        assertThat(flags(november)).containsExactly(List.of(), List.of("BOTTOM_5_PERCENT", "TWICE_BOTTOM"),
                List.of("BOTTOM_5_PERCENT"));
    }

    @Test
    void the_year_sums_its_months() {
        JsonNode year = ranking("period=2026");
        assertThat(year.get("period").asText()).isEqualTo("2026");
        assertThat(departments(year)).containsExactly("PHARMACY", "NURSING", "OUTPATIENT", "INPATIENT_SERVICE");
        assertThat(year.at("/departments/0/records").asLong()).isEqualTo(4);
        assertThat(year.at("/departments/1/composite").asDouble()).isCloseTo(0.2 * 0.5 + 0.4 * 0.5 + 0.4 * 0.5, within(1e-9));
        assertThat(year.at("/departments/2/composite").asDouble()).isCloseTo(0.2 + 0.4 * 0.5, within(1e-9));
        assertThat(flags(year)).containsExactly(List.of(), List.of(), List.of(), List.of("BOTTOM_5_PERCENT"));
    }

    @Test
    void a_past_ranking_is_recomputed_with_the_weights_asked_for() {
        JsonNode latest = ranking("period=2026-10&weights=latest");
        assertThat(latest.at("/weights/version").asInt()).isEqualTo(1);
        assertThat(latest.at("/weights/w").asDouble()).isEqualTo(0.5);
        assertThat(departments(latest)).containsExactly("NURSING", "PHARMACY", "OUTPATIENT", "INPATIENT_SERVICE");
        assertThat(latest.at("/departments/2/satisfaction").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(latest.at("/departments/2/composite").asDouble()).isCloseTo(0.2 + 0.4 * 0.5, within(1e-9));
        assertThat(ranking("period=2026-10&weights=1").at("/departments/2/composite").asDouble())
                .isCloseTo(0.4, within(1e-9));
        assertThat(ranking("period=2026-11&weights=0").at("/weights/version").asInt()).isZero();

        Api.Response unknown = api.as("committee").get("/api/rankings?period=2026-10&weights=7");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        refused("/api/rankings?period=2026-10&weights=newest");
        refused("/api/rankings?period=2026-10&weights=-1");
    }

    @Test
    void as_of_an_instant_the_ranking_counts_the_visits_known_then() {
        JsonNode then = ranking("period=2026-10&asOf=" + beijing("2026-10-20T00:00"));
        assertThat(then.get("asOf").asBoolean()).isTrue();
        assertThat(departments(then)).containsExactly("NURSING", "PHARMACY", "OUTPATIENT");
        assertThat(ranks(then)).containsExactly(1, 1, 3);
        assertThat(flags(then)).containsExactly(List.of(), List.of(), List.of("BOTTOM_5_PERCENT"));
        // One department alone is nobody's bottom.
        JsonNode alone = ranking("period=2026-09&asOf=" + beijing("2026-09-10T12:00"));
        assertThat(departments(alone)).containsExactly("INPATIENT_SERVICE");
        assertThat(flags(alone)).containsExactly(List.of());
        assertThat(ranking("period=2026-12").get("departments")).isEmpty();
    }

    @Test
    void the_dashboard_uses_the_weights_in_force_at_the_instant_it_answers_for() {
        JsonNode now = api.as("inspector").get("/api/dashboard").json();
        assertThat(now.get("weightsVersion").asText()).isEqualTo("ranking-weights/1");
        JsonNode then = api.as("inspector").get("/api/dashboard?asOf=" + beijing("2026-10-20T00:00")).json();
        assertThat(then.get("weightsVersion").asText()).isEqualTo("ranking-weights/0");
        // As of 20 October: visits P×3 ✓✓满意, I ––不满意, N ✓✓满意, O ✓–基本满意 (6 records).
        assertThat(then.at("/rates/satisfaction").asDouble()).isCloseTo((4 + 0.9) / 6, within(1e-9));
    }

    @Test
    void trends_compare_month_over_month_and_year_over_year() {
        JsonNode trends = api.as("inspector").get("/api/dashboard/trends?months=3").json();
        assertThat(trends.get("months").findValuesAsText("month")).containsExactly("2026-09", "2026-10", "2026-11");
        JsonNode sep = trends.at("/months/0");
        JsonNode oct = trends.at("/months/1");
        JsonNode nov = trends.at("/months/2");
        assertThat(List.of(sep.get("raised").asLong(), oct.get("raised").asLong(), nov.get("raised").asLong()))
                .containsExactly(4L, 2L, 0L);
        assertThat(sep.get("raisedMoM").isNull()).isTrue();
        assertThat(oct.get("raisedMoM").asDouble()).isCloseTo(-0.5, within(1e-9));
        assertThat(nov.get("raisedMoM").asDouble()).isCloseTo(-1.0, within(1e-9));
        assertThat(oct.get("raisedYoY").asDouble()).as("one issue back-filled into October 2025").isCloseTo(1.0, within(1e-9));
        assertThat(sep.get("raisedYoY").isNull()).isTrue();
        assertThat(List.of(sep.get("feedbackRecords").asLong(), oct.get("feedbackRecords").asLong(),
                nov.get("feedbackRecords").asLong())).containsExactly(2L, 5L, 3L);
        assertThat(oct.get("satisfaction").asDouble()).isCloseTo((3 + 0.5) / 5, within(1e-9)); // w of v1, in force now
    }

    @Test
    void the_wall_chart_shows_the_issues_nobody_owns_yet_last() {
        JsonNode wall = api.as("inspector").get("/api/dashboard/wall").json();
        List<String> columns = new ArrayList<>();
        wall.get("departments").forEach(c -> columns.add(c.get("department").isNull() ? null : c.get("department").asText()));
        assertThat(columns).containsExactly("INPATIENT_SERVICE", "NURSING", "OUTPATIENT", "PHARMACY", null);
        JsonNode unassigned = wall.at("/departments/4");
        assertThat(unassigned.get("name").asText()).isEqualTo("待分派");
        assertThat(unassigned.at("/byStatus/REGISTERED").asLong()).isEqualTo(3);
        // The back-filled one is long overdue (due in October 2025): first among equals in colour.
        assertThat(unassigned.at("/issues/0/overdue").asBoolean()).isTrue();
        assertThat(unassigned.at("/issues/0/dueDate").asText()).startsWith("2025-10");
        assertThat(unassigned.get("issues")).hasSize(3);
    }

    @Test
    void anyone_signed_in_reads_rankings_and_bad_periods_are_refused() {
        assertThat(api.as("pharmacy").get("/api/rankings?period=2026-10").status()).isEqualTo(200);
        assertThat(api.as("auditor").get("/api/rankings?period=2026").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/api/rankings?period=2026-10").status()).isEqualTo(401);
        refused("/api/rankings");
        refused("/api/rankings?period=2026-13");
        refused("/api/rankings?period=2026-1");
        refused("/api/rankings?period=26-10");
        refused("/api/rankings?period=2026-10-01");
        refused("/api/rankings?period=2026-10&asOf=2026-12-01T00:00:00Z");
        refused("/api/rankings?period=2026-10&asOf=yesterday");
    }

    // ---- helpers ----

    /** The demo users plus a nursing and an outpatient department user. */
    private static String[] users() {
        String[][] users = {{"inspector", "INSPECTOR", "DISCIPLINE"}, {"inspector2", "INSPECTOR", "DISCIPLINE"},
                {"committee", "COMMITTEE", "PARTY_OFFICE"}, {"pharmacy", "DEPARTMENT", "PHARMACY"},
                {"inpatient", "DEPARTMENT", "INPATIENT_SERVICE"}, {"nursing", "DEPARTMENT", "NURSING"},
                {"outpatient", "DEPARTMENT", "OUTPATIENT"}, {"auditor", "AUDITOR", null}, {"admin", "ADMIN", null}};
        List<String> args = new ArrayList<>();
        for (int k = 0; k < users.length; k++) {
            String prefix = "--duban.demo.users[" + k + "].";
            args.add(prefix + "username=" + users[k][0]);
            args.add(prefix + "password=" + users[k][0]);
            args.add(prefix + "role=" + users[k][1]);
            if (users[k][2] != null) args.add(prefix + "department=" + users[k][2]);
        }
        return args.toArray(String[]::new);
    }

    /** A hotline issue owned and acknowledged by {@code department}, ready for return visits. */
    private static String hotline(String department, String user) {
        String id = app.raise("回访 " + department, "HOTLINE", null);
        app.ok(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", department)));
        app.ok(api.as(user).post("/api/issues/" + id + "/acknowledgement", Map.of()));
        return id;
    }

    private static void visit(String beijingTime, String id, boolean contacted, boolean resolved, String satisfaction) {
        app.at(beijingTime);
        app.ok(api.as("inspector").post("/api/issues/" + id + "/feedback", Map.of("contacted", contacted,
                "resolved", resolved, "satisfaction", satisfaction)));
    }

    private static JsonNode ranking(String query) {
        Api.Response r = api.as("committee").get("/api/rankings?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> departments(JsonNode ranking) {
        return ranking.get("departments").findValuesAsText("department");
    }

    private static List<Integer> ranks(JsonNode ranking) {
        List<Integer> out = new ArrayList<>();
        ranking.get("departments").forEach(d -> out.add(d.get("rank").asInt()));
        return out;
    }

    private static List<List<String>> flags(JsonNode ranking) {
        List<List<String>> out = new ArrayList<>();
        ranking.get("departments").forEach(d -> {
            List<String> f = new ArrayList<>();
            d.get("flags").forEach(x -> f.add(x.asText()));
            f.sort(Comparator.naturalOrder());
            out.add(f);
        });
        return out;
    }

    private static void refused(String path) {
        Api.Response r = api.as("committee").get(path);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(400);
        assertThat(r.code()).as(path).isEqualTo("VALIDATION_FAILED");
    }
}
