package org.duban.command.issue;

import org.duban.command.deadline.TestPolicies;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.duban.api.error.ErrorCode.*;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/**
 * Rectification (整改) is submitted by the owner, verified by someone else, closed (销号) and
 * later checked for effectiveness (回头看); a recurrence reopens it.
 */
class VerificationAndClosingTest {
    private static final List<String> EVIDENCE = List.of("evidence/window-roster.pdf", "evidence/queue-times.xlsx");

    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void the_owner_submits_its_rectification_with_evidence() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new SubmitRectification(ISSUE_ID, "Two more dispensing windows", EVIDENCE), PHARMACY_STAFF)
                .expectEvents(new RectificationSubmitted(ISSUE_ID, PHARMACY, "Two more dispensing windows", EVIDENCE))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_department_cannot_submit_a_rectification_for_an_issue_owned_by_another() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new SubmitRectification(ISSUE_ID, "Done for them", EVIDENCE), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void a_rectification_cannot_be_submitted_before_the_issue_is_acknowledged() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new SubmitRectification(ISSUE_ID, "Done", EVIDENCE), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_rectification_cannot_be_submitted_twice() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new SubmitRectification(ISSUE_ID, "Done again", EVIDENCE), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_passed_verification_closes_the_issue() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new VerifyRectification(ISSUE_ID, true, "Queue under 20 minutes on three visits"), INSPECTOR)
                .expectEvents(new IssueClosed(ISSUE_ID, "Queue under 20 minutes on three visits"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void a_failed_verification_sends_the_rectification_back_to_the_owner() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new VerifyRectification(ISSUE_ID, false, "Still an hour at noon"), INSPECTOR)
                .expectEvents(new RectificationRejected(ISSUE_ID, "Still an hour at noon"));
    }

    @Test
    void after_a_failed_verification_the_owner_works_on_and_submits_again() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .andGiven(new RectificationRejected(ISSUE_ID, "Still an hour at noon"))
                .when(new SubmitRectification(ISSUE_ID, "Noon shift added", EVIDENCE), PHARMACY_STAFF)
                .expectEvents(new RectificationSubmitted(ISSUE_ID, PHARMACY, "Noon shift added", EVIDENCE));
    }

    @Test
    void the_submitter_cannot_verify_their_own_rectification() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new VerifyRectification(ISSUE_ID, true, "Looks fine to me"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(SUBMITTER_CANNOT_VERIFY))
                .expectNoEvents();
    }

    @Test
    void the_submitter_cannot_reject_their_own_rectification_either() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new VerifyRectification(ISSUE_ID, false, "Let me redo it"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(SUBMITTER_CANNOT_VERIFY))
                .expectNoEvents();
    }

    @Test
    void whoever_resubmitted_after_a_rejection_cannot_verify_the_resubmission() {
        Map<String, String> pharmacyHead = Map.of("userId", "pharmacy.head", "role", "DEPARTMENT", "department", "PHARMACY");
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .andGiven(new RectificationRejected(ISSUE_ID, "Still an hour at noon"),
                        submittedBy(ISSUE_ID, pharmacyHead))
                .when(new VerifyRectification(ISSUE_ID, true, "Fine now"), pharmacyHead)
                .expectException(DomainRefusal.class)
                .expectException(withCode(SUBMITTER_CANNOT_VERIFY))
                .expectNoEvents();
    }

    @Test
    void what_was_never_submitted_cannot_be_closed() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new VerifyRectification(ISSUE_ID, true, "Closing"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_closed_issue_cannot_be_verified_again() {
        fixture.given(issueThatIs(CLOSED))
                .when(new VerifyRectification(ISSUE_ID, false, "Second look"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_closed_issue_that_did_not_recur_is_confirmed_effective() {
        fixture.given(issueThatIs(CLOSED))
                .when(new CheckEffectiveness(ISSUE_ID, false, "No queue over 30 minutes in a month"), INSPECTOR)
                .expectEvents(new EffectivenessConfirmed(ISSUE_ID, "No queue over 30 minutes in a month"))
                .expectResultMessagePayload(5L);
    }

    @Test
    void a_closed_issue_that_recurred_is_reopened() {
        fixture.given(issueThatIs(CLOSED))
                .when(new CheckEffectiveness(ISSUE_ID, true, "Queues back over an hour"), INSPECTOR)
                .expectEvents(new IssueReopened(ISSUE_ID, "Queues back over an hour", REOPENED_DUE, TestPolicies.VERSION));
    }

    @Test
    void effectiveness_cannot_be_checked_before_the_issue_is_closed() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new CheckEffectiveness(ISSUE_ID, false, "Too early"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void effectiveness_cannot_be_checked_twice() {
        fixture.given(issueThatIs(EFFECTIVE))
                .when(new CheckEffectiveness(ISSUE_ID, true, "Second look"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_reopened_issue_is_not_checked_for_effectiveness_until_closed_again() {
        fixture.given(issueThatIs(REOPENED))
                .when(new CheckEffectiveness(ISSUE_ID, false, "Too early"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }
}
