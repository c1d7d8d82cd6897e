package org.duban.command.issue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.duban.api.error.ErrorCode.ALREADY_OWNER;
import static org.duban.api.error.ErrorCode.INVALID_TRANSITION;
import static org.duban.api.error.ErrorCode.NOT_OWNER_DEPARTMENT;
import static org.duban.api.issue.IssueStatus.*;
import static org.duban.command.issue.IssueFixtures.*;

/** Assigning and reassigning the owner department (主责部门); every owner stays in the history. */
class AssigningTest {
    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void the_first_owner_of_a_registered_issue_has_no_predecessor() {
        fixture.given(issueThatIs(REGISTERED))
                .when(new AssignOwner(ISSUE_ID, PHARMACY, "pharmacist.li", "Dispensing is the pharmacy's"), INSPECTOR)
                .expectEvents(new OwnerAssigned(ISSUE_ID, PHARMACY, null, "pharmacist.li", "Dispensing is the pharmacy's"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void reassigning_records_the_previous_owner() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new AssignOwner(ISSUE_ID, LOGISTICS, null, "The queue is a staffing matter"), INSPECTOR)
                .expectEvents(new OwnerAssigned(ISSUE_ID, LOGISTICS, PHARMACY, null, "The queue is a staffing matter"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void reassigning_an_issue_in_progress_records_the_previous_owner() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .when(new AssignOwner(ISSUE_ID, LOGISTICS, null, "Needs building work"), INSPECTOR)
                .expectEvents(new OwnerAssigned(ISSUE_ID, LOGISTICS, PHARMACY, null, "Needs building work"));
    }

    @Test
    void after_reassignment_the_new_owner_must_acknowledge_before_working_on_it() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new OwnerAssigned(ISSUE_ID, LOGISTICS, PHARMACY, null, "Needs building work"))
                .when(new ReportProgress(ISSUE_ID, 10, "Surveyed the waiting area", List.of()), LOGISTICS_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void after_reassignment_the_new_owner_acknowledges() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new OwnerAssigned(ISSUE_ID, LOGISTICS, PHARMACY, null, "Needs building work"))
                .when(new AcknowledgeIssue(ISSUE_ID, "Taking it over"), LOGISTICS_STAFF)
                .expectEvents(new IssueAcknowledged(ISSUE_ID, LOGISTICS, "Taking it over"));
    }

    @Test
    void after_reassignment_the_previous_owner_may_no_longer_act() {
        fixture.given(issueThatIs(IN_PROGRESS))
                .andGiven(new OwnerAssigned(ISSUE_ID, LOGISTICS, PHARMACY, null, "Needs building work"))
                .when(new AcknowledgeIssue(ISSUE_ID, "Still ours"), PHARMACY_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void a_reopened_issue_can_be_reassigned() {
        fixture.given(issueThatIs(REOPENED))
                .when(new AssignOwner(ISSUE_ID, NURSING, null, "The recurrence is at the ward pharmacy"), INSPECTOR)
                .expectEvents(new OwnerAssigned(ISSUE_ID, NURSING, PHARMACY, null, "The recurrence is at the ward pharmacy"));
    }

    @Test
    void an_issue_cannot_be_assigned_to_the_department_that_already_owns_it() {
        fixture.given(issueThatIs(ASSIGNED))
                .when(new AssignOwner(ISSUE_ID, PHARMACY, null, "Again"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(ALREADY_OWNER))
                .expectNoEvents();
    }

    @Test
    void an_issue_pending_verification_cannot_be_reassigned() {
        fixture.given(issueThatIs(PENDING_VERIFICATION))
                .when(new AssignOwner(ISSUE_ID, NURSING, null, "Late change"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_closed_issue_cannot_be_reassigned() {
        fixture.given(issueThatIs(CLOSED))
                .when(new AssignOwner(ISSUE_ID, NURSING, null, "Late change"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void an_issue_confirmed_effective_cannot_be_reassigned() {
        fixture.given(issueThatIs(EFFECTIVE))
                .when(new AssignOwner(ISSUE_ID, NURSING, null, "Late change"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_issue_cannot_be_assigned() {
        fixture.given(issueThatIs(WITHDRAWN))
                .when(new AssignOwner(ISSUE_ID, NURSING, null, "Late change"), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }
}
