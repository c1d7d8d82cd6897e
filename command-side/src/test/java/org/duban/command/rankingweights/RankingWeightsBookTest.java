package org.duban.command.rankingweights;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.ranking.ChangeRankingWeights;
import org.duban.api.ranking.RankingWeightsChanged;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.Matchers.equalTo;

/**
 * ADMIN or the committee replaces the ranking weights: the published default is version 0, each
 * accepted change the next version; weights are shares in [0, 1], a + b + c = 1, a reason is
 * required, and a change must change something. A refusal appends nothing.
 */
class RankingWeightsBookTest {
    private static final String ID = ChangeRankingWeights.DEFAULT_ID;

    private AggregateTestFixture<RankingWeightsBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RankingWeightsBook.class);
    }

    @Test
    void the_first_change_replaces_the_default_as_version_1() {
        fixture.givenNoPriorActivity()
                .when(new ChangeRankingWeights(ID, 0.8, 0.2, 0.5, 0.3, "  满意率权重下调  "))
                .expectEvents(new RankingWeightsChanged(ID, 1, 0.8, 0.2, 0.5, 0.3, "满意率权重下调"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void each_further_change_is_the_next_version() {
        fixture.given(new RankingWeightsChanged(ID, 1, 0.8, 0.2, 0.5, 0.3, "first"))
                .when(new ChangeRankingWeights(ID, 0.9, 0.1, 0.5, 0.4, "back to the published default"))
                .expectEvents(new RankingWeightsChanged(ID, 2, 0.9, 0.1, 0.5, 0.4, "back to the published default"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_bounds_0_and_1_are_allowed() {
        fixture.givenNoPriorActivity()
                .when(new ChangeRankingWeights(ID, 0.0, 1.0, 0.0, 0.0, "只看响应率"))
                .expectEvents(new RankingWeightsChanged(ID, 1, 0.0, 1.0, 0.0, 0.0, "只看响应率"));
    }

    @Test
    void a_sum_off_by_rounding_only_is_accepted() {
        // 0.7 + 0.2 + 0.1 is 0.9999999999999999 in binary floating point
        fixture.givenNoPriorActivity()
                .when(new ChangeRankingWeights(ID, 1.0, 0.7, 0.2, 0.1, "rounding"))
                .expectEvents(new RankingWeightsChanged(ID, 1, 1.0, 0.7, 0.2, 0.1, "rounding"));
    }

    @Test
    void the_default_is_already_in_force_before_any_change() {
        fixture.givenNoPriorActivity()
                .when(new ChangeRankingWeights(ID, 0.9, 0.1, 0.5, 0.4, "again"))
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void repeating_the_weights_in_force_is_refused() {
        fixture.given(new RankingWeightsChanged(ID, 1, 0.8, 0.2, 0.5, 0.3, "first"))
                .when(new ChangeRankingWeights(ID, 0.8, 0.2, 0.5, 0.3, "a different reason changes no weight"))
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void changing_only_w_is_a_change() {
        fixture.given(new RankingWeightsChanged(ID, 1, 0.8, 0.2, 0.5, 0.3, "first"))
                .when(new ChangeRankingWeights(ID, 0.7, 0.2, 0.5, 0.3, "基本满意只算七成"))
                .expectEvents(new RankingWeightsChanged(ID, 2, 0.7, 0.2, 0.5, 0.3, "基本满意只算七成"));
    }

    @ParameterizedTest(name = "w = {0} is refused")
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void w_outside_0_to_1_is_refused(double w) {
        refused(new ChangeRankingWeights(ID, w, 0.1, 0.5, 0.4, "r"), "w");
    }

    @Test
    void a_negative_a_is_refused() {
        refused(new ChangeRankingWeights(ID, 0.9, -0.1, 0.7, 0.4, "r"), "a");
    }

    @Test
    void b_above_1_is_refused() {
        refused(new ChangeRankingWeights(ID, 0.9, 0.0, 1.2, -0.2, "r"), "b");
    }

    @Test
    void a_negative_c_is_refused() {
        refused(new ChangeRankingWeights(ID, 0.9, 0.6, 0.6, -0.2, "r"), "c");
    }

    @Test
    void shares_adding_up_to_more_than_1_are_refused() {
        refused(new ChangeRankingWeights(ID, 0.9, 0.2, 0.5, 0.4, "r"), RankingWeightsRules.SUM_FIELD);
    }

    @Test
    void shares_adding_up_to_less_than_1_are_refused() {
        refused(new ChangeRankingWeights(ID, 0.9, 0.1, 0.5, 0.39999, "r"), RankingWeightsRules.SUM_FIELD);
    }

    @Test
    void a_missing_reason_is_refused() {
        refused(new ChangeRankingWeights(ID, 0.8, 0.2, 0.5, 0.3, null), "reason");
    }

    @Test
    void a_blank_reason_is_refused() {
        refused(new ChangeRankingWeights(ID, 0.8, 0.2, 0.5, 0.3, " \t\n "), "reason");
    }

    @Test
    void an_overlong_reason_is_refused() {
        refused(new ChangeRankingWeights(ID, 0.8, 0.2, 0.5, 0.3, "长".repeat(RankingWeightsRules.MAX_REASON + 1)), "reason");
    }

    @Test
    void a_refusal_after_earlier_changes_appends_nothing_either() {
        fixture.given(new RankingWeightsChanged(ID, 1, 0.8, 0.2, 0.5, 0.3, "first"))
                .when(new ChangeRankingWeights(ID, 0.8, 0.5, 0.5, 0.5, "r"))
                .expectException(field(RankingWeightsRules.SUM_FIELD))
                .expectNoEvents();
    }

    private void refused(ChangeRankingWeights cmd, String field) {
        fixture.givenNoPriorActivity()
                .when(cmd)
                .expectException(field(field))
                .expectNoEvents();
    }

    private static Matcher<InvalidInput> field(String field) {
        return new FeatureMatcher<>(equalTo(field), "an InvalidInput on field", "field") {
            @Override
            protected String featureValueOf(InvalidInput actual) {
                return actual.field();
            }
        };
    }

    private static Matcher<DomainRefusal> refusedWith(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "a refusal with code", "code") {
            @Override
            protected ErrorCode featureValueOf(DomainRefusal actual) {
                return actual.code();
            }
        };
    }
}
