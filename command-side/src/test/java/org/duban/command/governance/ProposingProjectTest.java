package org.duban.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.InvalidInput;
import org.duban.api.governance.ProjectProposed;
import org.duban.api.governance.ProposeProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.duban.api.error.ErrorCode.NOT_OWNER_DEPARTMENT;
import static org.duban.command.governance.ProjectFixtures.*;

/** 申报: a department proposes its own governance project; the committee may propose for any department. */
class ProposingProjectTest {
    private AggregateTestFixture<GovernanceProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void a_department_proposes_a_project_of_its_own() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProject(PROJECT_ID, TITLE, PHARMACY, SUMMARY), PHARMACY_STAFF)
                .expectEvents(WAS_PROPOSED);
    }

    @Test
    void the_committee_proposes_a_project_for_any_department() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProject(PROJECT_ID, TITLE, PHARMACY, SUMMARY), COMMITTEE)
                .expectEvents(WAS_PROPOSED);
    }

    @Test
    void the_title_is_stored_without_surrounding_spaces() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProject(PROJECT_ID, "  " + TITLE + " ", PHARMACY, SUMMARY), PHARMACY_STAFF)
                .expectEvents(new ProjectProposed(PROJECT_ID, TITLE, PHARMACY, SUMMARY));
    }

    @Test
    void a_department_cannot_propose_for_another_department() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProject(PROJECT_ID, TITLE, PHARMACY, SUMMARY), INPATIENT_STAFF)
                .expectException(DomainRefusal.class)
                .expectException(withCode(NOT_OWNER_DEPARTMENT))
                .expectNoEvents();
    }

    @Test
    void a_project_needs_a_title() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProject(PROJECT_ID, " ", PHARMACY, SUMMARY), PHARMACY_STAFF)
                .expectException(InvalidInput.class)
                .expectException(onField("title"))
                .expectNoEvents();
    }

    @Test
    void a_project_needs_a_department() {
        fixture.givenNoPriorActivity()
                .when(new ProposeProject(PROJECT_ID, TITLE, null, SUMMARY), COMMITTEE)
                .expectException(InvalidInput.class)
                .expectException(onField("department"))
                .expectNoEvents();
    }
}
