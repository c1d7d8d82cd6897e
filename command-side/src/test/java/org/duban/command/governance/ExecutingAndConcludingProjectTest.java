package org.duban.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.InvalidInput;
import org.duban.api.governance.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.duban.api.error.ErrorCode.NOT_OWNER_DEPARTMENT;
import static org.duban.api.governance.ProjectStatus.*;
import static org.duban.command.governance.ProjectFixtures.*;

/** 执行, 效果评价 and 结题考核: the department reports stages, the committee evaluates and concludes with an award. */
class ExecutingAndConcludingProjectTest {
    private static final String OTHER_ISSUE = "3c9d7e1f-2a4b-4c6d-8e0f-1a2b3c4d5e6f";

    private AggregateTestFixture<GovernanceProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void the_department_reports_the_first_stage_of_an_approved_project_linking_an_issue() {
        fixture.given(projectThatIs(APPROVED))
                .when(new ReportProjectStage(PROJECT_ID, "调配窗口由4个增至6个", List.of(ISSUE_ID)), PHARMACY_STAFF)
                .expectEvents(WAS_REPORTED)
                .expectResultMessagePayload(3L);
    }

    @Test
    void an_executing_project_reports_further_stages_with_or_without_issues() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new ReportProjectStage(PROJECT_ID, "智能发药机上线", null), PHARMACY_STAFF)
                .expectEvents(new ProjectStageReported(PROJECT_ID, "智能发药机上线", List.of()));
    }

    @Test
    void linked_issue_ids_are_kept_in_canonical_form_without_repeats() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new ReportProjectStage(PROJECT_ID, "复盘", List.of(OTHER_ISSUE.toUpperCase(), OTHER_ISSUE, ISSUE_ID)),
                        PHARMACY_STAFF)
                .expectEvents(new ProjectStageReported(PROJECT_ID, "复盘", List.of(OTHER_ISSUE, ISSUE_ID)));
    }

    @Test
    void a_linked_issue_id_must_be_a_uuid() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new ReportProjectStage(PROJECT_ID, "复盘", List.of("ISSUE-7")), PHARMACY_STAFF)
                .expectException(InvalidInput.class)
                .expectException(onField("linkedIssueIds"))
                .expectNoEvents();
    }

    @Test
    void a_null_linked_issue_id_is_refused() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new ReportProjectStage(PROJECT_ID, "复盘", Arrays.asList(ISSUE_ID, null)), PHARMACY_STAFF)
                .expectException(onField("linkedIssueIds"))
                .expectNoEvents();
    }

    @Test
    void a_stage_report_needs_a_summary() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new ReportProjectStage(PROJECT_ID, " ", List.of()), PHARMACY_STAFF)
                .expectException(onField("summary"))
                .expectNoEvents();
    }

    @Test
    void another_department_cannot_report_a_stage_of_the_project() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new ReportProjectStage(PROJECT_ID, "代报", List.of()), INPATIENT_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void the_evaluation_records_the_average_of_the_three_scores() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new EvaluateProject(PROJECT_ID, 92, 90, 91, "成效显著"), COMMITTEE)
                .expectEvents(WAS_EVALUATED)
                .expectResultMessagePayload(4L);
    }

    @Test
    void the_average_is_rounded_half_up_to_two_decimals() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new EvaluateProject(PROJECT_ID, 90, 91, 91, null), COMMITTEE)
                .expectEvents(new ProjectEvaluated(PROJECT_ID, 90, 91, 91, new BigDecimal("90.67"), null));
    }

    @Test
    void each_evaluation_score_must_be_between_0_and_100() {
        fixture.given(projectThatIs(EXECUTING))
                .when(new EvaluateProject(PROJECT_ID, 101, 90, 91, null), COMMITTEE)
                .expectException(onField("problemPrecision")).expectNoEvents();
        fixture.given(projectThatIs(EXECUTING))
                .when(new EvaluateProject(PROJECT_ID, 90, -5, 91, null), COMMITTEE)
                .expectException(onField("measureSoundness")).expectNoEvents();
        fixture.given(projectThatIs(EXECUTING))
                .when(new EvaluateProject(PROJECT_ID, 90, 90, 200, null), COMMITTEE)
                .expectException(onField("effectEvidence")).expectNoEvents();
    }

    @Test
    void an_evaluated_project_is_concluded_with_a_first_prize() {
        fixture.given(projectThatIs(EVALUATED))
                .when(new ConcludeProject(PROJECT_ID, AwardLevel.FIRST, "一等奖"), COMMITTEE)
                .expectEvents(WAS_CONCLUDED)
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_project_may_be_concluded_without_an_award() {
        fixture.given(projectThatIs(EVALUATED))
                .when(new ConcludeProject(PROJECT_ID, AwardLevel.NONE, null), COMMITTEE)
                .expectEvents(new ProjectConcluded(PROJECT_ID, AwardLevel.NONE, null));
    }

    @Test
    void a_conclusion_names_its_award_level() {
        fixture.given(projectThatIs(EVALUATED))
                .when(new ConcludeProject(PROJECT_ID, null, null), COMMITTEE)
                .expectException(InvalidInput.class)
                .expectException(onField("award"))
                .expectNoEvents();
    }
}
