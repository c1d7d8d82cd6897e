package org.duban.command.issue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.duban.api.error.ErrorCode.INVALID_TRANSITION;
import static org.duban.api.error.ErrorCode.MERGE_TARGET_INVALID;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/**
 * Withdrawal is never deletion: any open issue may be withdrawn with a reason. A duplicate is
 * merged into another issue that still accepts duplicates and ends WITHDRAWN with a link.
 */
class WithdrawalAndMergeTest {
    private static final IssueId THIRD_ISSUE_ID = IssueId.of("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    private AggregateTestFixture<Issue> fixture;
    private RoutingIssueRepository issues;

    @BeforeEach
    void setUp() {
        fixture = fixture();
        issues = new RoutingIssueRepository(fixture.getRepository());
        fixture.registerAnnotatedCommandHandler(new MergeIssueHandler(issues));
    }

    @ParameterizedTest(name = "an issue that is {0} can be withdrawn")
    @EnumSource(names = {"REGISTERED", "ASSIGNED", "IN_PROGRESS", "PENDING_VERIFICATION", "REOPENED"})
    void an_open_issue_can_be_withdrawn(IssueStatus status) {
        fixture.given(issueThatIs(status))
                .when(new WithdrawIssue(ISSUE_ID, "Complainant's account was mistaken"), INSPECTOR)
                .expectEvents(new IssueWithdrawn(ISSUE_ID, "Complainant's account was mistaken"));
    }

    @Test
    void withdrawing_answers_the_new_version() {
        fixture.given(issueThatIs(REGISTERED))
                .when(new WithdrawIssue(ISSUE_ID, "Raised in error"), INSPECTOR)
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_issue_on_hold_can_be_withdrawn() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new IssueHeld(ISSUE_ID, "Waiting for the health commission"))
                .when(new WithdrawIssue(ISSUE_ID, "Commission took the case over"), INSPECTOR)
                .expectEvents(new IssueWithdrawn(ISSUE_ID, "Commission took the case over"));
    }

    @ParameterizedTest(name = "an issue that is {0} cannot be withdrawn")
    @EnumSource(names = {"CLOSED", "EFFECTIVE", "WITHDRAWN"})
    void a_finished_issue_cannot_be_withdrawn(IssueStatus status) {
        fixture.given(issueThatIs(status))
                .when(new WithdrawIssue(ISSUE_ID, "Tidying up"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_duplicate_is_merged_into_the_issue_it_repeats() {
        issues.withIssue(OTHER_ISSUE_ID, issueThatIs(IN_PROGRESS, OTHER_ISSUE_ID));

        fixture.given(issueThatIs(REGISTERED))
                .when(new MergeIssue(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"), INSPECTOR)
                .expectEvents(new IssueMerged(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_duplicate_may_be_merged_into_a_closed_issue() {
        issues.withIssue(OTHER_ISSUE_ID, issueThatIs(CLOSED, OTHER_ISSUE_ID));

        fixture.given(issueThatIs(ASSIGNED))
                .when(new MergeIssue(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"), INSPECTOR)
                .expectEvents(new IssueMerged(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"));
    }

    @Test
    void an_issue_cannot_be_merged_into_itself() {
        fixture.given(issueThatIs(REGISTERED))
                .when(new MergeIssue(ISSUE_ID, ISSUE_ID, "DUPLICATE"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(MERGE_TARGET_INVALID))
                .expectNoEvents();
    }

    @Test
    void an_issue_cannot_be_merged_into_one_that_does_not_exist() {
        fixture.given(issueThatIs(REGISTERED))
                .when(new MergeIssue(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(MERGE_TARGET_INVALID))
                .expectNoEvents();
    }

    @Test
    void an_issue_cannot_be_merged_into_a_withdrawn_one() {
        issues.withIssue(OTHER_ISSUE_ID, issueThatIs(WITHDRAWN, OTHER_ISSUE_ID));

        fixture.given(issueThatIs(REGISTERED))
                .when(new MergeIssue(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(MERGE_TARGET_INVALID))
                .expectNoEvents();
    }

    @Test
    void an_issue_cannot_be_merged_into_one_that_was_itself_merged_away() {
        issues.withIssue(OTHER_ISSUE_ID, List.of(raised(OTHER_ISSUE_ID),
                new IssueMerged(OTHER_ISSUE_ID, THIRD_ISSUE_ID, "DUPLICATE")));

        fixture.given(issueThatIs(REGISTERED))
                .when(new MergeIssue(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(MERGE_TARGET_INVALID))
                .expectNoEvents();
    }

    @Test
    void a_closed_issue_cannot_be_merged_away() {
        issues.withIssue(OTHER_ISSUE_ID, issueThatIs(IN_PROGRESS, OTHER_ISSUE_ID));

        fixture.given(issueThatIs(CLOSED))
                .when(new MergeIssue(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }
}
