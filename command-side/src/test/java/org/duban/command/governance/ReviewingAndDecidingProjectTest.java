package org.duban.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.InvalidInput;
import org.duban.api.governance.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.duban.api.error.ErrorCode.INVALID_TRANSITION;
import static org.duban.api.governance.ProjectStatus.PROPOSED;
import static org.duban.api.governance.ProjectStatus.UNDER_REVIEW;
import static org.duban.command.governance.ProjectFixtures.*;

/** 评审 and 立项: several experts score a proposed project, then the committee approves or rejects it. */
class ReviewingAndDecidingProjectTest {
    private AggregateTestFixture<GovernanceProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void the_first_expert_review_puts_the_project_under_review() {
        fixture.given(projectThatIs(PROPOSED))
                .when(new ReviewProject(PROJECT_ID, "清华大学 王教授", 92, "问题抓得准"), COMMITTEE)
                .expectEvents(WAS_REVIEWED)
                .expectResultMessagePayload(1L);
    }

    @Test
    void several_experts_review_the_same_project() {
        fixture.given(projectThatIs(UNDER_REVIEW))
                .when(new ReviewProject(PROJECT_ID, "北京医院 李主任", 88, null), COMMITTEE)
                .expectEvents(new ProjectReviewed(PROJECT_ID, "北京医院 李主任", 88, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void scores_of_0_and_100_are_allowed() {
        fixture.given(projectThatIs(UNDER_REVIEW))
                .when(new ReviewProject(PROJECT_ID, "专家甲", 100, null), COMMITTEE)
                .expectEvents(new ProjectReviewed(PROJECT_ID, "专家甲", 100, null));
        fixture.given(projectThatIs(UNDER_REVIEW))
                .when(new ReviewProject(PROJECT_ID, "专家乙", 0, null), COMMITTEE)
                .expectEvents(new ProjectReviewed(PROJECT_ID, "专家乙", 0, null));
    }

    @Test
    void a_score_above_100_is_refused() {
        fixture.given(projectThatIs(PROPOSED))
                .when(new ReviewProject(PROJECT_ID, "专家甲", 101, null), COMMITTEE)
                .expectException(InvalidInput.class)
                .expectException(onField("score"))
                .expectNoEvents();
    }

    @Test
    void a_negative_score_is_refused() {
        fixture.given(projectThatIs(PROPOSED))
                .when(new ReviewProject(PROJECT_ID, "专家甲", -1, null), COMMITTEE)
                .expectException(onField("score"))
                .expectNoEvents();
    }

    @Test
    void a_review_names_its_expert() {
        fixture.given(projectThatIs(PROPOSED))
                .when(new ReviewProject(PROJECT_ID, "  ", 90, null), COMMITTEE)
                .expectException(onField("reviewer"))
                .expectNoEvents();
    }

    @Test
    void each_expert_scores_a_project_once() {
        fixture.given(projectThatIs(UNDER_REVIEW))
                .when(new ReviewProject(PROJECT_ID, " 清华大学 王教授 ", 95, "再评"), COMMITTEE)
                .expectException(InvalidInput.class)
                .expectException(onField("reviewer"))
                .expectNoEvents();
    }

    @Test
    void the_committee_approves_a_reviewed_project() {
        fixture.given(projectThatIs(UNDER_REVIEW))
                .when(new DecideProject(PROJECT_ID, true, "同意立项"), COMMITTEE)
                .expectEvents(WAS_APPROVED)
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_committee_rejects_a_reviewed_project() {
        fixture.given(projectThatIs(UNDER_REVIEW))
                .when(new DecideProject(PROJECT_ID, false, "与既有项目重复"), COMMITTEE)
                .expectEvents(WAS_REJECTED);
    }

    @Test
    void a_project_no_expert_has_reviewed_cannot_be_decided() {
        fixture.given(projectThatIs(PROPOSED))
                .when(new DecideProject(PROJECT_ID, true, "同意立项"), COMMITTEE)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }
}
