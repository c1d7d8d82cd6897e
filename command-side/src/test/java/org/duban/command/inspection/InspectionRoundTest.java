package org.duban.command.inspection;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.inspection.CloseRound;
import org.duban.api.inspection.FindingRecorded;
import org.duban.api.inspection.PartyRoundStep;
import org.duban.api.inspection.PlanRound;
import org.duban.api.inspection.RecordFinding;
import org.duban.api.inspection.RoundClosed;
import org.duban.api.inspection.RoundKind;
import org.duban.api.inspection.RoundPlanned;
import org.duban.api.issue.IssueId;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.api.issue.Category.FACILITIES_LOGISTICS;
import static org.duban.api.issue.Category.MEDICAL_SERVICE;
import static org.duban.api.issue.Severity.HIGH;
import static org.duban.api.issue.Severity.NORMAL;
import static org.hamcrest.Matchers.equalTo;

/**
 * An inspection round (督查 / 查房) is planned, records findings that each raise a linked issue,
 * and takes no findings once closed; only party-building rounds (党建查房) name a step.
 */
class InspectionRoundTest {
    private static final String ROUND = "7d1c2c1e-0000-4000-8000-000000000001";
    private static final String FINDING = "f-1";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 12);
    private static final DepartmentCode PHARMACY = DepartmentCode.of("PHARMACY");

    private AggregateTestFixture<InspectionRound> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionRound.class);
    }

    private static RoundPlanned planned(RoundKind kind) {
        return new RoundPlanned(ROUND, "四不两直暗访", kind, DAY, List.of(PHARMACY));
    }

    private static IssueId issueOf(String findingId) {
        return FindingRecorded.issueIdFor(ROUND, findingId);
    }

    @Test
    void planning_a_round_records_it_with_its_departments() {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, "  四不两直暗访 ", RoundKind.UNANNOUNCED, DAY, List.of(PHARMACY)))
                .expectEvents(planned(RoundKind.UNANNOUNCED));
    }

    @Test
    void a_round_may_name_no_departments_and_no_date() {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, "党建查房", RoundKind.PARTY_ROUNDS, null, null))
                .expectEvents(new RoundPlanned(ROUND, "党建查房", RoundKind.PARTY_ROUNDS, null, List.of()));
    }

    @Test
    void a_round_without_a_title_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, " ", RoundKind.PLANNED, DAY, List.of()))
                .expectException(invalid("title"))
                .expectNoEvents();
    }

    @Test
    void a_round_without_a_kind_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, "督查", null, DAY, List.of()))
                .expectException(invalid("kind"))
                .expectNoEvents();
    }

    @Test
    void a_round_naming_a_department_twice_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new PlanRound(ROUND, "督查", RoundKind.PLANNED, DAY, List.of(PHARMACY, PHARMACY)))
                .expectException(invalid("departments"))
                .expectNoEvents();
    }

    @Test
    void a_finding_is_recorded_with_the_id_of_the_issue_it_raises_and_answers_the_rounds_version() {
        fixture.given(planned(RoundKind.UNANNOUNCED))
                .when(new RecordFinding(ROUND, FINDING, "药房夜间无人值守", "23:00 窗口无人", MEDICAL_SERVICE, HIGH, PHARMACY, null))
                .expectEvents(new FindingRecorded(ROUND, FINDING, "药房夜间无人值守", "23:00 窗口无人", MEDICAL_SERVICE, HIGH,
                        PHARMACY, null, RoundKind.UNANNOUNCED, issueOf(FINDING)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_issue_id_is_derived_from_round_and_finding_so_a_replay_cannot_raise_a_second_issue() {
        IssueId expected = new IssueId(UUID.nameUUIDFromBytes((ROUND + "/" + FINDING).getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(issueOf(FINDING)).isEqualTo(expected).isEqualTo(FindingRecorded.issueIdFor(ROUND, FINDING));
        assertThat(issueOf("f-2")).isNotEqualTo(expected);
    }

    @Test
    void a_finding_may_name_no_department() {
        fixture.given(planned(RoundKind.PLANNED))
                .when(new RecordFinding(ROUND, FINDING, "消防通道堵塞", "杂物", FACILITIES_LOGISTICS, NORMAL, null, null))
                .expectEvents(new FindingRecorded(ROUND, FINDING, "消防通道堵塞", "杂物", FACILITIES_LOGISTICS, NORMAL,
                        null, null, RoundKind.PLANNED, issueOf(FINDING)));
    }

    @Test
    void a_party_round_finding_names_its_step() {
        fixture.given(planned(RoundKind.PARTY_ROUNDS))
                .when(new RecordFinding(ROUND, FINDING, "走访患者", "候诊时间长", MEDICAL_SERVICE, NORMAL, PHARMACY, PartyRoundStep.VISIT))
                .expectEvents(new FindingRecorded(ROUND, FINDING, "走访患者", "候诊时间长", MEDICAL_SERVICE, NORMAL,
                        PHARMACY, PartyRoundStep.VISIT, RoundKind.PARTY_ROUNDS, issueOf(FINDING)));
    }

    @Test
    void a_step_outside_a_party_round_is_refused() {
        fixture.given(planned(RoundKind.UNANNOUNCED))
                .when(new RecordFinding(ROUND, FINDING, "走访患者", "d", MEDICAL_SERVICE, NORMAL, null, PartyRoundStep.VISIT))
                .expectException(invalid("step"))
                .expectNoEvents();
    }

    @Test
    void a_finding_without_a_title_is_refused() {
        fixture.given(planned(RoundKind.PLANNED))
                .when(new RecordFinding(ROUND, FINDING, "", "d", MEDICAL_SERVICE, NORMAL, null, null))
                .expectException(invalid("title"))
                .expectNoEvents();
    }

    @Test
    void a_finding_without_a_category_is_refused() {
        fixture.given(planned(RoundKind.PLANNED))
                .when(new RecordFinding(ROUND, FINDING, "t", "d", null, NORMAL, null, null))
                .expectException(invalid("category"))
                .expectNoEvents();
    }

    @Test
    void a_finding_without_a_severity_is_refused() {
        fixture.given(planned(RoundKind.PLANNED))
                .when(new RecordFinding(ROUND, FINDING, "t", "d", MEDICAL_SERVICE, null, null, null))
                .expectException(invalid("severity"))
                .expectNoEvents();
    }

    @Test
    void a_finding_without_an_id_is_refused() {
        fixture.given(planned(RoundKind.PLANNED))
                .when(new RecordFinding(ROUND, " ", "t", "d", MEDICAL_SERVICE, NORMAL, null, null))
                .expectException(invalid("findingId"))
                .expectNoEvents();
    }

    @Test
    void the_same_finding_is_not_recorded_twice() {
        fixture.given(planned(RoundKind.PLANNED), new FindingRecorded(ROUND, FINDING, "t", "d", MEDICAL_SERVICE, NORMAL,
                        null, null, RoundKind.PLANNED, issueOf(FINDING)))
                .when(new RecordFinding(ROUND, FINDING, "t", "d", MEDICAL_SERVICE, NORMAL, null, null))
                .expectException(invalid("findingId"))
                .expectNoEvents();
    }

    @Test
    void a_round_is_closed_and_answers_its_version() {
        fixture.given(planned(RoundKind.PLANNED))
                .when(new CloseRound(ROUND))
                .expectEvents(new RoundClosed(ROUND))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_closed_round_takes_no_more_findings() {
        fixture.given(planned(RoundKind.PLANNED), new RoundClosed(ROUND))
                .when(new RecordFinding(ROUND, FINDING, "t", "d", MEDICAL_SERVICE, NORMAL, null, null))
                .expectException(refused(ErrorCode.INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_closed_round_is_not_closed_again() {
        fixture.given(planned(RoundKind.PLANNED), new RoundClosed(ROUND))
                .when(new CloseRound(ROUND))
                .expectException(refused(ErrorCode.INVALID_TRANSITION))
                .expectNoEvents();
    }

    private static Matcher<InvalidInput> invalid(String field) {
        return new FeatureMatcher<>(equalTo(field), "invalid input on field", "field") {
            @Override
            protected String featureValueOf(InvalidInput actual) {
                return actual.field();
            }
        };
    }

    private static Matcher<DomainRefusal> refused(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "refusal with code", "code") {
            @Override
            protected ErrorCode featureValueOf(DomainRefusal actual) {
                return actual.code();
            }
        };
    }
}
