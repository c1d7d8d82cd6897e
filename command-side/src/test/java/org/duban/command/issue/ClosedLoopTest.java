package org.duban.command.issue;

import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.duban.command.deadline.TestPolicies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.duban.api.error.ErrorCode.*;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/** 点评·考核·通报·回访·回头看 on one issue: each a fact of its own, refused where it makes no sense. */
class ClosedLoopTest {
    private static final Map<String, String> COMMITTEE = Map.of("userId", "committee.liu", "role", "COMMITTEE", "department", "PARTY_OFFICE");
    private static final IssueId EARLIER = IssueId.of("7d1e5f3a-0b2c-4d6e-8f9a-1b2c3d4e5f6a");

    @Test
    void the_committee_reviews_an_issue_at_any_stage() {
        fixture().given(issueThatIs(ASSIGNED))
                .when(new ReviewIssue(ISSUE_ID, "整改方向正确"), COMMITTEE)
                .expectEvents(new IssueReviewed(ISSUE_ID, "整改方向正确"));
    }

    @Test
    void a_withdrawn_issue_is_not_reviewed() {
        fixture().given(issueThatIs(WITHDRAWN))
                .when(new ReviewIssue(ISSUE_ID, "?"), COMMITTEE)
                .expectException(DomainRefusal.class).expectException(withCode(INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void an_assessment_records_the_scores_and_the_weight_version() {
        Map<String, Integer> scores = Map.of("问题精准", 92, "措施合理", 88, "效果明显", 90);
        fixture().given(issueThatIs(CLOSED))
                .when(new AssessIssue(ISSUE_ID, scores, "优秀"), COMMITTEE)
                .expectEvents(new IssueAssessed(ISSUE_ID, scores, "优秀", Issue.SCORE_WEIGHT_VERSION));
    }

    @Test
    void a_score_outside_zero_to_hundred_is_refused() {
        fixture().given(issueThatIs(CLOSED))
                .when(new AssessIssue(ISSUE_ID, Map.of("效果明显", 101), null), COMMITTEE)
                .expectException(DomainRefusal.class).expectException(withCode(VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void an_issue_nobody_has_handled_yet_cannot_be_assessed() {
        fixture().given(issueThatIs(ASSIGNED))
                .when(new AssessIssue(ISSUE_ID, Map.of("时效", 80), null), COMMITTEE)
                .expectException(DomainRefusal.class).expectException(withCode(INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void a_bulletin_names_an_issue_once_however_often_it_is_retried() {
        fixture().given(issueThatIs(CLOSED))
                .andGiven(new IssueNotified(ISSUE_ID, "bulletin-1", BulletinEntryKind.COMMENDATION, "表扬"))
                .when(new RecordNotification(ISSUE_ID, "bulletin-1", BulletinEntryKind.COMMENDATION, "表扬"))
                .expectNoEvents();
        fixture().given(issueThatIs(CLOSED))
                .when(new RecordNotification(ISSUE_ID, "bulletin-2", BulletinEntryKind.CRITICISM, "批评"))
                .expectEvents(new IssueNotified(ISSUE_ID, "bulletin-2", BulletinEntryKind.CRITICISM, "批评"));
    }

    @Test
    void a_hotline_complainant_is_visited_back_once_the_department_has_handled_it() {
        fixture().given(issueThatIs(CLOSED))
                .when(new RecordFeedback(ISSUE_ID, true, true, Satisfaction.BASICALLY_SATISFIED), INSPECTOR)
                .expectEvents(new FeedbackRecorded(ISSUE_ID, true, true, Satisfaction.BASICALLY_SATISFIED));
        fixture().given(issueThatIs(ASSIGNED))
                .when(new RecordFeedback(ISSUE_ID, true, false, Satisfaction.DISSATISFIED), INSPECTOR)
                .expectException(DomainRefusal.class).expectException(withCode(INVALID_TRANSITION)).expectNoEvents();
    }

    @Test
    void only_hotline_issues_get_a_return_visit() {
        IssueRaised inspection = new IssueRaised(ISSUE_ID, "过期药品", "暗访", Source.INSPECTION, Category.QUALITY_AND_DISPUTES,
                Severity.NORMAL, null, null, null, NOW, NOW.atZone(ZONE).toLocalDate(), DUE, TestPolicies.VERSION);
        fixture().given(inspection, new OwnerAssigned(ISSUE_ID, PHARMACY, null, null, null),
                        new IssueAcknowledged(ISSUE_ID, PHARMACY, null))
                .when(new RecordFeedback(ISSUE_ID, true, true, Satisfaction.SATISFIED), INSPECTOR)
                .expectException(DomainRefusal.class).expectException(withCode(NOT_A_HOTLINE_ISSUE)).expectNoEvents();
    }

    @Test
    void the_effectiveness_check_reminder_speaks_once_after_closing() {
        LocalDate checkDue = LocalDate.of(2026, 4, 8);
        fixture().givenCurrentTime(NOW).andGiven(issueThatIs(CLOSED)) // closed on 2 March, Beijing
                .when(new NoticeDeadline(ISSUE_ID, DeadlineKind.EFFECTIVENESS_CHECK, checkDue, NOW, 20, TestPolicies.VERSION))
                .expectEvents(new EffectivenessCheckDue(ISSUE_ID, NOW.atZone(ZONE).toLocalDate(), checkDue, TestPolicies.VERSION));
        fixture().given(issueThatIs(CLOSED))
                .andGiven(new EffectivenessCheckDue(ISSUE_ID, NOW.atZone(ZONE).toLocalDate(), checkDue, TestPolicies.VERSION))
                .when(new NoticeDeadline(ISSUE_ID, DeadlineKind.EFFECTIVENESS_CHECK, checkDue, NOW, 20, TestPolicies.VERSION))
                .expectNoEvents();
        fixture().given(issueThatIs(EFFECTIVE))
                .when(new NoticeDeadline(ISSUE_ID, DeadlineKind.EFFECTIVENESS_CHECK, checkDue, NOW, 20, TestPolicies.VERSION))
                .expectNoEvents();
    }

    @Test
    void a_recurrence_is_flagged_once_per_earlier_issue() {
        fixture().given(issueThatIs(ASSIGNED))
                .when(new FlagRecurrence(ISSUE_ID, EARLIER, 90))
                .expectEvents(new RecurrenceFlagged(ISSUE_ID, EARLIER, PHARMACY, Category.MEDICAL_SERVICE, 90));
        fixture().given(issueThatIs(ASSIGNED))
                .andGiven(new RecurrenceFlagged(ISSUE_ID, EARLIER, PHARMACY, Category.MEDICAL_SERVICE, 90))
                .when(new FlagRecurrence(ISSUE_ID, EARLIER, 90))
                .expectNoEvents();
    }

}
