package org.duban.command.issue;

import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.duban.command.deadline.TestPolicies;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.duban.api.error.ErrorCode.*;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/**
 * Hold (挂起) and resume pause the deadline clock: on resume the due date moves by the days on
 * hold, counted in the hospital's zone from the record time of the hold.
 */
class HoldTest {
    private static final IssueHeld HELD = new IssueHeld(ISSUE_ID, "Waiting for the health commission's ruling");

    @Test
    void an_assigned_issue_can_be_held() {
        fixture().given(issueThatIs(ASSIGNED))
                .when(new HoldIssue(ISSUE_ID, "Waiting for the health commission's ruling"), INSPECTOR)
                .expectEvents(HELD)
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_issue_in_progress_can_be_held() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new HoldIssue(ISSUE_ID, "Waiting for the health commission's ruling"), INSPECTOR)
                .expectEvents(HELD);
    }

    @Test
    void a_reopened_issue_can_be_held() {
        fixture().given(issueThatIs(REOPENED))
                .when(new HoldIssue(ISSUE_ID, "Waiting for the health commission's ruling"), INSPECTOR)
                .expectEvents(HELD);
    }

    @Test
    void an_issue_without_an_owner_cannot_be_held() {
        fixture().given(issueThatIs(REGISTERED))
                .when(new HoldIssue(ISSUE_ID, "Too early"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_issue_pending_verification_cannot_be_held() {
        fixture().given(issueThatIs(PENDING_VERIFICATION))
                .when(new HoldIssue(ISSUE_ID, "Too late"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_closed_issue_cannot_be_held() {
        fixture().given(issueThatIs(CLOSED))
                .when(new HoldIssue(ISSUE_ID, "Too late"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_issue_on_hold_cannot_be_held_again() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(HELD)
                .when(new HoldIssue(ISSUE_ID, "Still waiting"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(ON_HOLD))
                .expectNoEvents();
    }

    @Test
    void resuming_moves_the_due_date_by_the_days_on_hold() {
        fixtureAt(Instant.parse("2026-03-07T02:00:00Z")) // resumed on 7 March
                .given(issueThatIs(IN_PROGRESS))
                .andGivenCurrentTime(Instant.parse("2026-03-04T01:00:00Z")) // held on 4 March
                .andGiven(HELD)
                .when(new ResumeIssue(ISSUE_ID, "Ruling received"), INSPECTOR)
                // Thursday 5 and Friday 6 March were working days on hold; Saturday 7 is not one.
                .expectEvents(new IssueResumed(ISSUE_ID, "Ruling received", 2, DUE, LocalDate.of(2026, 3, 13),
                        TestPolicies.VERSION))
                .expectResultMessagePayload(4L);
    }

    @Test
    void days_on_hold_are_counted_in_the_hospitals_zone() {
        // 17:00 UTC on 3 March and 15:00 UTC on 4 March are both 4 March in Beijing: no day lost.
        fixtureAt(Instant.parse("2026-03-04T15:00:00Z"))
                .given(issueThatIs(IN_PROGRESS))
                .andGivenCurrentTime(Instant.parse("2026-03-03T17:00:00Z"))
                .andGiven(HELD)
                .when(new ResumeIssue(ISSUE_ID, "Ruling received the same day"), INSPECTOR)
                .expectEvents(new IssueResumed(ISSUE_ID, "Ruling received the same day", 0, DUE, DUE,
                        TestPolicies.VERSION));
    }

    @Test
    void a_second_hold_moves_the_due_date_again_from_where_the_first_left_it() {
        fixtureAt(Instant.parse("2026-03-15T02:00:00Z"))
                .given(issueThatIs(IN_PROGRESS))
                .andGivenCurrentTime(Instant.parse("2026-03-04T01:00:00Z"))
                .andGiven(HELD)
                .andGiven(new IssueResumed(ISSUE_ID, "Ruling received", 3, DUE, LocalDate.of(2026, 3, 12),
                        TestPolicies.VERSION))
                .andGivenCurrentTime(Instant.parse("2026-03-10T02:00:00Z"))
                .andGiven(new IssueHeld(ISSUE_ID, "Appeal lodged"))
                .when(new ResumeIssue(ISSUE_ID, "Appeal decided"), INSPECTOR)
                // Held 11, 12, 13 March (working days); the weekend does not count: 12 March + 3 working days.
                .expectEvents(new IssueResumed(ISSUE_ID, "Appeal decided", 3, LocalDate.of(2026, 3, 12),
                        LocalDate.of(2026, 3, 17), TestPolicies.VERSION));
    }

    @Test
    void an_issue_that_is_not_on_hold_cannot_be_resumed() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new ResumeIssue(ISSUE_ID, "Nothing to resume"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_ON_HOLD))
                .expectNoEvents();
    }

    @Test
    void a_resumed_issue_cannot_be_resumed_again() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(HELD, new IssueResumed(ISSUE_ID, "Ruling received", 0, DUE, DUE, TestPolicies.VERSION))
                .when(new ResumeIssue(ISSUE_ID, "Again"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_ON_HOLD))
                .expectNoEvents();
    }

    @Test
    void a_held_issue_cannot_be_submitted_for_verification() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(HELD)
                .when(new SubmitRectification(ISSUE_ID, "Done", List.of()), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(ON_HOLD))
                .expectNoEvents();
    }

    @Test
    void a_resumed_issue_can_be_submitted_for_verification() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(HELD, new IssueResumed(ISSUE_ID, "Ruling received", 0, DUE, DUE, TestPolicies.VERSION))
                .when(new SubmitRectification(ISSUE_ID, "Done", List.of()), PHARMACY_STAFF)
                .expectEvents(new RectificationSubmitted(ISSUE_ID, PHARMACY, "Done", List.of()));
    }
}
