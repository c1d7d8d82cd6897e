package org.duban.command.issue;

import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.duban.command.deadline.TestPolicies;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.duban.api.error.ErrorCode.ESCALATION_NOT_HIGHER;
import static org.duban.api.error.ErrorCode.INVALID_TRANSITION;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/** The clock's steps and 挂牌督办: each level is an event, levels only rise, stale steps are ignored. */
class EscalationTest {
    private static final Instant DUE_PASSED = Instant.parse("2026-03-11T16:00:00Z"); // midnight into 12 March, Beijing

    private static NoticeDeadline notice(DeadlineKind kind, int workingDays) {
        return new NoticeDeadline(ISSUE_ID, kind, DUE, DUE_PASSED, workingDays, TestPolicies.VERSION);
    }

    @Test
    void the_reminder_speaks_before_the_due_date() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new NoticeDeadline(ISSUE_ID, DeadlineKind.DUE_SOON, DUE, NOW, -1, TestPolicies.VERSION))
                .expectEvents(new DueDateApproaching(ISSUE_ID, DUE, 1, TestPolicies.VERSION));
    }

    @Test
    void the_reminder_is_not_given_twice_for_the_same_due_date() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(new DueDateApproaching(ISSUE_ID, DUE, 1, TestPolicies.VERSION))
                .when(new NoticeDeadline(ISSUE_ID, DeadlineKind.DUE_SOON, DUE, NOW, -1, TestPolicies.VERSION))
                .expectNoEvents();
    }

    @Test
    void a_reminder_that_arrives_after_the_due_date_stays_silent() {
        fixtureAt(DUE_PASSED).given(issueThatIs(IN_PROGRESS))
                .when(notice(DeadlineKind.DUE_SOON, -1))
                .expectNoEvents();
    }

    @Test
    void a_missed_due_date_turns_the_issue_blue() {
        fixtureAt(DUE_PASSED).given(issueThatIs(IN_PROGRESS))
                .when(notice(DeadlineKind.OVERDUE, 0))
                .expectEvents(new IssueEscalated(ISSUE_ID, EscalationLevel.BLUE, EscalationLevel.NONE,
                        "到期催办：已超过整改期限 " + DUE, true, DUE, 0, TestPolicies.VERSION));
    }

    @Test
    void yellow_and_red_follow_blue() {
        fixtureAt(DUE_PASSED).given(issueThatIs(ASSIGNED))
                .andGiven(blue())
                .when(notice(DeadlineKind.YELLOW, 3))
                .expectEvents(new IssueEscalated(ISSUE_ID, EscalationLevel.YELLOW, EscalationLevel.BLUE,
                        "黄牌警示：超期 3 个工作日", true, DUE, 3, TestPolicies.VERSION));
    }

    @Test
    void a_level_already_reached_is_not_reached_again() {
        fixtureAt(DUE_PASSED).given(issueThatIs(IN_PROGRESS))
                .andGiven(blue())
                .when(notice(DeadlineKind.OVERDUE, 0))
                .expectNoEvents();
    }

    @Test
    void a_step_computed_for_an_older_due_date_is_ignored() {
        fixtureAt(DUE_PASSED).given(issueThatIs(IN_PROGRESS))
                .when(new NoticeDeadline(ISSUE_ID, DeadlineKind.OVERDUE, DUE.minusDays(1), DUE_PASSED, 0, TestPolicies.VERSION))
                .expectNoEvents();
    }

    @Test
    void the_clock_does_not_speak_while_the_issue_is_on_hold() {
        fixtureAt(DUE_PASSED).given(issueThatIs(IN_PROGRESS))
                .andGiven(new IssueHeld(ISSUE_ID, "Waiting for the health commission"))
                .when(notice(DeadlineKind.OVERDUE, 0))
                .expectNoEvents();
    }

    @Test
    void the_clock_does_not_speak_once_the_rectification_is_submitted_or_the_issue_closed() {
        fixtureAt(DUE_PASSED).given(issueThatIs(PENDING_VERIFICATION)).when(notice(DeadlineKind.OVERDUE, 0)).expectNoEvents();
        fixtureAt(DUE_PASSED).given(issueThatIs(CLOSED)).when(notice(DeadlineKind.RED, 5)).expectNoEvents();
        fixtureAt(DUE_PASSED).given(issueThatIs(WITHDRAWN)).when(notice(DeadlineKind.RED, 5)).expectNoEvents();
    }

    @Test
    void the_committee_puts_an_issue_under_red_supervision_by_hand() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .when(new EscalateIssue(ISSUE_ID, EscalationLevel.RED, "挂牌督办：群众反映强烈"), INSPECTOR)
                .expectEvents(new IssueEscalated(ISSUE_ID, EscalationLevel.RED, EscalationLevel.NONE,
                        "挂牌督办：群众反映强烈", false, DUE, 0, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void escalation_by_hand_must_raise_the_level() {
        fixture().given(issueThatIs(IN_PROGRESS))
                .andGiven(blue())
                .when(new EscalateIssue(ISSUE_ID, EscalationLevel.BLUE, "again"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(ESCALATION_NOT_HIGHER))
                .expectNoEvents();
    }

    @Test
    void a_closed_issue_cannot_be_escalated() {
        fixture().given(issueThatIs(CLOSED))
                .when(new EscalateIssue(ISSUE_ID, EscalationLevel.RED, "too late"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    private static IssueEscalated blue() {
        return new IssueEscalated(ISSUE_ID, EscalationLevel.BLUE, EscalationLevel.NONE, "到期催办", true, DUE, 0, TestPolicies.VERSION);
    }
}
