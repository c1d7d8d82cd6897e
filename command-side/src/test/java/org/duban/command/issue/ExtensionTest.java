package org.duban.command.issue;

import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.duban.command.deadline.TestPolicies;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.duban.api.error.ErrorCode.*;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/**
 * Extension (延期): requested by the owner before the due date (9 March) has passed; approval
 * moves the due date, refusal leaves it.
 */
class ExtensionTest {
    private static final LocalDate A_WEEK_LATER = LocalDate.of(2026, 3, 16);
    private static final ExtensionRequested REQUESTED =
            new ExtensionRequested(ISSUE_ID, DUE, A_WEEK_LATER, "Windows arrive on the 12th");

    @Test
    void the_owner_requests_a_later_due_date_before_the_current_one_has_passed() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new RequestExtension(ISSUE_ID, A_WEEK_LATER, "Windows arrive on the 12th"), PHARMACY_STAFF)
                .expectEvents(REQUESTED)
                .expectResultMessagePayload(3L);
    }

    @Test
    void an_extension_may_still_be_requested_on_the_due_date_itself() {
        fixtureAt(Instant.parse("2026-03-11T15:59:59Z")) // 23:59:59 on 11 March (the due date) in Beijing
                .given(issueThatIs(IN_PROGRESS))
                .when(new RequestExtension(ISSUE_ID, A_WEEK_LATER, "Windows arrive on the 12th"), PHARMACY_STAFF)
                .expectEvents(REQUESTED);
    }

    @Test
    void an_extension_requested_after_the_due_date_has_passed_is_refused() {
        fixtureAt(Instant.parse("2026-03-11T16:00:00Z")) // midnight into 12 March in Beijing
                .given(issueThatIs(IN_PROGRESS))
                .when(new RequestExtension(ISSUE_ID, A_WEEK_LATER, "Too late"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(DEADLINE_PASSED))
                .expectNoEvents();
    }

    @Test
    void the_requested_due_date_must_be_later_than_the_current_one() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new RequestExtension(ISSUE_ID, DUE, "Same day"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(EXTENSION_NOT_LATER))
                .expectNoEvents();
    }

    @Test
    void an_earlier_due_date_is_not_an_extension() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new RequestExtension(ISSUE_ID, DUE.minusDays(2), "Earlier"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(EXTENSION_NOT_LATER))
                .expectNoEvents();
    }

    @Test
    void a_second_request_while_one_awaits_a_decision_is_refused() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(REQUESTED)
                .when(new RequestExtension(ISSUE_ID, A_WEEK_LATER.plusDays(7), "Even later"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(EXTENSION_PENDING))
                .expectNoEvents();
    }

    @Test
    void an_extension_cannot_be_requested_while_the_issue_is_on_hold() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(new IssueHeld(ISSUE_ID, "Waiting for the health commission"))
                .when(new RequestExtension(ISSUE_ID, A_WEEK_LATER, "Windows arrive on the 12th"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(ON_HOLD))
                .expectNoEvents();
    }

    @Test
    void a_department_cannot_request_an_extension_for_an_issue_owned_by_another() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new RequestExtension(ISSUE_ID, A_WEEK_LATER, "For them"), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void an_extension_cannot_be_requested_before_the_issue_is_acknowledged() {
        fixture().given(issueThatIs(ASSIGNED))
                .when(new RequestExtension(ISSUE_ID, A_WEEK_LATER, "Early"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void approval_moves_the_due_date_to_the_requested_one() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(REQUESTED)
                .when(new DecideExtension(ISSUE_ID, true, "Reasonable"), INSPECTOR)
                .expectEvents(new ExtensionApproved(ISSUE_ID, DUE, A_WEEK_LATER, "Reasonable"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void refusal_leaves_the_due_date_where_it_was() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(REQUESTED)
                .when(new DecideExtension(ISSUE_ID, false, "Borrow windows from the inpatient pharmacy"), INSPECTOR)
                .expectEvents(new ExtensionRefused(ISSUE_ID, A_WEEK_LATER, "Borrow windows from the inpatient pharmacy"));
    }

    @Test
    void after_a_refusal_a_new_request_is_measured_against_the_unchanged_due_date() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(REQUESTED, new ExtensionRefused(ISSUE_ID, A_WEEK_LATER, "Too long"))
                .when(new RequestExtension(ISSUE_ID, LocalDate.of(2026, 3, 12), "Three days then"), PHARMACY_STAFF)
                .expectEvents(new ExtensionRequested(ISSUE_ID, DUE, LocalDate.of(2026, 3, 12), "Three days then"));
    }

    @Test
    void after_an_approval_the_deadline_that_counts_is_the_new_due_date() {
        fixtureAt(Instant.parse("2026-03-12T02:00:00Z")) // past the first due date, before the new one
                .given(issueThatIs(IN_PROGRESS))
                .andGiven(REQUESTED, new ExtensionApproved(ISSUE_ID, DUE, A_WEEK_LATER, "Reasonable"))
                .when(new RequestExtension(ISSUE_ID, LocalDate.of(2026, 3, 20), "Supplier slipped"), PHARMACY_STAFF)
                .expectEvents(new ExtensionRequested(ISSUE_ID, A_WEEK_LATER, LocalDate.of(2026, 3, 20), "Supplier slipped"));
    }

    @Test
    void a_decision_without_a_pending_request_is_refused() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new DecideExtension(ISSUE_ID, true, "Approved"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NO_EXTENSION_PENDING))
                .expectNoEvents();
    }

    @Test
    void a_request_cannot_be_decided_twice() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(REQUESTED, new ExtensionApproved(ISSUE_ID, DUE, A_WEEK_LATER, "Reasonable"))
                .when(new DecideExtension(ISSUE_ID, false, "Changed my mind"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NO_EXTENSION_PENDING))
                .expectNoEvents();
    }

    @Test
    void a_request_still_pending_when_the_issue_closed_can_no_longer_be_decided() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(REQUESTED, submittedBy(ISSUE_ID, PHARMACY_STAFF), new IssueClosed(ISSUE_ID, "Done early"))
                .when(new DecideExtension(ISSUE_ID, true, "Approved"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void approval_never_moves_the_due_date_earlier_even_after_a_hold_moved_it_past_the_requested_date() {
        // Requested 12 March while due 9 March; a five-day hold then moved the due date to 14 March.
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(new ExtensionRequested(ISSUE_ID, DUE, LocalDate.of(2026, 3, 12), "Windows arrive on the 12th"),
                        new IssueHeld(ISSUE_ID, "Waiting for the health commission"),
                        new IssueResumed(ISSUE_ID, "Ruling received", 5, DUE, LocalDate.of(2026, 3, 14),
                                TestPolicies.VERSION))
                .when(new DecideExtension(ISSUE_ID, true, "Approved"), INSPECTOR)
                .expectEventsMatching(payloadsMatching(noApprovalMovingTheDueDateEarlier()));
    }

    private static Matcher<List<?>> noApprovalMovingTheDueDateEarlier() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<?> payloads) {
                return payloads.stream().noneMatch(payload -> payload instanceof ExtensionApproved approved
                        && approved.newDueDate().isBefore(approved.previousDueDate()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("no ExtensionApproved whose new due date is before its previous due date");
            }
        };
    }
}
