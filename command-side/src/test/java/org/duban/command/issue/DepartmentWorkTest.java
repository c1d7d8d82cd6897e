package org.duban.command.issue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.duban.api.error.ErrorCode.INVALID_TRANSITION;
import static org.duban.api.error.ErrorCode.NOT_OWNER_DEPARTMENT;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/** What the owner department does: acknowledge (签收), file its plan (整改方案), report progress (阶段性汇报). */
class DepartmentWorkTest {
    private static final List<Milestone> MILESTONES = List.of(
            new Milestone("Two more dispensing windows open", LocalDate.of(2026, 3, 5)),
            new Milestone("Queue under 20 minutes for a week", LocalDate.of(2026, 3, 9)));

    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void the_owner_acknowledges_an_assigned_issue() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new AcknowledgeIssue(ISSUE_ID, "We will look into the queue"), PHARMACY_STAFF)
                .expectEvents(new IssueAcknowledged(ISSUE_ID, PHARMACY, "We will look into the queue"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void the_owner_acknowledges_a_reopened_issue_and_works_on_it_again() {
        fixture.given(issueThatIs(REOPENED))
                .when(new AcknowledgeIssue(ISSUE_ID, "Back on it"), PHARMACY_STAFF)
                .expectEvents(new IssueAcknowledged(ISSUE_ID, PHARMACY, "Back on it"));
    }

    @Test
    void a_reopened_issue_is_worked_on_once_acknowledged() {
        fixture.given(issueThatIs(REOPENED))
                .andGiven(new IssueAcknowledged(ISSUE_ID, PHARMACY, "Back on it"))
                .when(new ReportProgress(ISSUE_ID, 20, "Roster reviewed", List.of()), PHARMACY_STAFF)
                .expectEvents(new ProgressReported(ISSUE_ID, PHARMACY, 20, "Roster reviewed", List.of()));
    }

    @Test
    void a_department_cannot_acknowledge_an_issue_owned_by_another() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new AcknowledgeIssue(ISSUE_ID, "Ours now"), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void someone_acting_for_no_department_cannot_acknowledge() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new AcknowledgeIssue(ISSUE_ID, "On behalf of pharmacy"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void an_issue_without_an_owner_cannot_be_acknowledged() {
        fixture.given(issueThatIs(REGISTERED))
                .when(new AcknowledgeIssue(ISSUE_ID, "Early"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_issue_cannot_be_acknowledged_twice() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new AcknowledgeIssue(ISSUE_ID, "Again"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_issue_pending_verification_cannot_be_acknowledged() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new AcknowledgeIssue(ISSUE_ID, "Again"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void the_owner_files_a_rectification_plan_with_milestones() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new FileRectificationPlan(ISSUE_ID, "Too few windows at peak hours", "Open two more windows", MILESTONES),
                        PHARMACY_STAFF)
                .expectEvents(new RectificationPlanFiled(ISSUE_ID, "Too few windows at peak hours", "Open two more windows",
                        MILESTONES))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_plan_cannot_be_filed_before_the_issue_is_acknowledged() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new FileRectificationPlan(ISSUE_ID, "Too few windows", "Open two more", MILESTONES), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_department_cannot_file_a_plan_for_an_issue_owned_by_another() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new FileRectificationPlan(ISSUE_ID, "Too few windows", "Open two more", MILESTONES), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void the_owner_reports_progress_with_evidence() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new ReportProgress(ISSUE_ID, 50, "One extra window open", List.of("evidence/window-3.jpg")),
                        PHARMACY_STAFF)
                .expectEvents(new ProgressReported(ISSUE_ID, PHARMACY, 50, "One extra window open",
                        List.of("evidence/window-3.jpg")))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_department_that_is_neither_owner_nor_co_department_cannot_report_progress() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new ReportProgress(ISSUE_ID, 50, "Not ours", List.of()), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void progress_cannot_be_reported_before_the_issue_is_acknowledged() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new ReportProgress(ISSUE_ID, 10, "Early", List.of()), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void progress_cannot_be_reported_while_the_rectification_awaits_verification() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new ReportProgress(ISSUE_ID, 100, "Done", List.of()), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }
}
