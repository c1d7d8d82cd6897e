package org.duban.command.issue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.duban.api.error.ErrorCode.*;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/**
 * Return (退单): the assigned owner hands back an issue it is not responsible for, before
 * acknowledging it. Co-departments (协办) report progress but do not own the issue.
 */
class ReturnAndCoDepartmentTest {
    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void the_owner_may_return_an_issue_it_has_not_acknowledged() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new ReturnIssue(ISSUE_ID, "Queue staffing is decided by HR"), PHARMACY_STAFF)
                .expectEvents(new IssueReturned(ISSUE_ID, PHARMACY, "Queue staffing is decided by HR"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_returned_issue_can_be_assigned_again() {
        fixture.given(issueThatIs(ASSIGNED))
                .andGiven(new IssueReturned(ISSUE_ID, PHARMACY, "Not ours"))
                .when(new AssignOwner(ISSUE_ID, NURSING, null, "Arbitrated: nursing runs the queue"), INSPECTOR)
                .expectEvents(new OwnerAssigned(ISSUE_ID, NURSING, null, null, "Arbitrated: nursing runs the queue"));
    }

    @Test
    void a_returned_issue_can_even_go_back_to_the_department_that_returned_it() {
        fixture.given(issueThatIs(ASSIGNED))
                .andGiven(new IssueReturned(ISSUE_ID, PHARMACY, "Not ours"))
                .when(new AssignOwner(ISSUE_ID, PHARMACY, null, "Arbitrated: it is yours"), INSPECTOR)
                .expectEvents(new OwnerAssigned(ISSUE_ID, PHARMACY, null, null, "Arbitrated: it is yours"));
    }

    @Test
    void the_department_that_returned_an_issue_can_no_longer_acknowledge_it() {
        fixture.given(issueThatIs(ASSIGNED))
                .andGiven(new IssueReturned(ISSUE_ID, PHARMACY, "Not ours"))
                .when(new AcknowledgeIssue(ISSUE_ID, "Changed our mind"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_department_cannot_return_an_issue_owned_by_another() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new ReturnIssue(ISSUE_ID, "Not ours either"), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void an_acknowledged_issue_can_no_longer_be_returned() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new ReturnIssue(ISSUE_ID, "Too late to notice"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_issue_without_an_owner_cannot_be_returned() {
        fixture.given(issueThatIs(REGISTERED))
                .when(new ReturnIssue(ISSUE_ID, "Nobody owns it"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_co_department_can_be_added_to_an_issue_in_progress() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new AddCoDepartment(ISSUE_ID, NURSING), INSPECTOR)
                .expectEvents(new CoDepartmentAdded(ISSUE_ID, NURSING))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_co_department_can_be_added_before_an_owner_is_assigned() {
        fixture.given(issueThatIs(REGISTERED))
                .when(new AddCoDepartment(ISSUE_ID, NURSING), INSPECTOR)
                .expectEvents(new CoDepartmentAdded(ISSUE_ID, NURSING));
    }

    @Test
    void the_owner_cannot_also_be_a_co_department() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new AddCoDepartment(ISSUE_ID, PHARMACY), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(ALREADY_OWNER))
                .expectNoEvents();
    }

    @Test
    void a_co_department_cannot_be_added_twice() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new CoDepartmentAdded(ISSUE_ID, NURSING))
                .when(new AddCoDepartment(ISSUE_ID, NURSING), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(ALREADY_CO_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void a_co_department_that_becomes_owner_is_no_longer_a_co_department() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new CoDepartmentAdded(ISSUE_ID, NURSING),
                        new OwnerAssigned(ISSUE_ID, NURSING, PHARMACY, null, "Nursing leads"),
                        new OwnerAssigned(ISSUE_ID, PHARMACY, NURSING, null, "Pharmacy leads after all"))
                .when(new AddCoDepartment(ISSUE_ID, NURSING), INSPECTOR)
                .expectEvents(new CoDepartmentAdded(ISSUE_ID, NURSING));
    }

    @Test
    void a_co_department_cannot_be_added_to_a_closed_issue() {
        fixture.given(issueThatIs(CLOSED))
                .when(new AddCoDepartment(ISSUE_ID, NURSING), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_co_department_may_report_progress() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new CoDepartmentAdded(ISSUE_ID, NURSING))
                .when(new ReportProgress(ISSUE_ID, 30, "Nurses guide patients to the second window",
                        List.of("evidence/guide-rota.jpg")), NURSING_STAFF)
                .expectEvents(new ProgressReported(ISSUE_ID, NURSING, 30, "Nurses guide patients to the second window",
                        List.of("evidence/guide-rota.jpg")));
    }

    @Test
    void a_co_department_may_not_acknowledge_the_issue() {
        fixture.given(issueThatIs(ASSIGNED))
                .andGiven(new CoDepartmentAdded(ISSUE_ID, NURSING))
                .when(new AcknowledgeIssue(ISSUE_ID, "We will help"), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void a_co_department_may_not_file_the_plan() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new CoDepartmentAdded(ISSUE_ID, NURSING))
                .when(new FileRectificationPlan(ISSUE_ID, "Too few windows", "Open two more", List.of()), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void a_co_department_may_not_request_an_extension() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new CoDepartmentAdded(ISSUE_ID, NURSING))
                .when(new RequestExtension(ISSUE_ID, LocalDate.of(2026, 3, 16), "We need more time"), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void a_co_department_may_not_submit_the_rectification() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new CoDepartmentAdded(ISSUE_ID, NURSING))
                .when(new SubmitRectification(ISSUE_ID, "Done", List.of()), NURSING_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }
}
