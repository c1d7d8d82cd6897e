package org.duban.command.issue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.Category;
import org.duban.api.issue.IssueRaised;
import org.duban.api.issue.RaiseIssue;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;
import org.duban.command.deadline.TestPolicies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.duban.api.error.ErrorCode.VALIDATION_FAILED;
import static org.duban.command.issue.IssueFixtures.*;

/** Raising an issue sets its two deadlines from the policy, counted from the day it occurred. */
class RaisingTest {
    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    @Test
    void a_normal_hotline_complaint_must_be_acknowledged_within_one_working_day_and_resolved_within_seven() {
        RaiseIssue raise = raiseHotlineComplaint(Severity.NORMAL, NOW);

        fixture.givenNoPriorActivity()
                .when(raise, INSPECTOR)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(ISSUE_ID)
                .expectEvents(raisedFrom(raise, NOW, LocalDate.of(2026, 3, 3), DUE));
    }

    @Test
    void a_critical_issue_must_be_acknowledged_the_same_day_and_resolved_the_next() {
        RaiseIssue raise = raiseHotlineComplaint(Severity.CRITICAL, NOW);

        // Counted in hours, not working days: acknowledge within 2 hours, resolve within 24, due at that instant.
        IssueRaised expected = raisedFrom(raise, NOW, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
        fixture.givenNoPriorActivity()
                .when(raise, INSPECTOR)
                .expectEvents(new IssueRaised(expected.issueId(), expected.title(), expected.description(), expected.source(),
                        expected.category(), expected.severity(), expected.concernedDepartment(), expected.externalRef(),
                        expected.complainant(), expected.occurredAt(), expected.acknowledgeDueDate(), expected.dueDate(),
                        expected.deadlinePolicyVersion(), NOW.plus(Duration.ofHours(24))));
    }

    @Test
    void a_normal_inspection_finding_must_be_acknowledged_within_two_and_resolved_within_fifteen_working_days() {
        RaiseIssue raise = new RaiseIssue(ISSUE_ID, "Expired drugs on the ward trolley", "Found on an unannounced check",
                Source.INSPECTION, Category.QUALITY_AND_DISPUTES, Severity.NORMAL, NURSING,
                null, null, NOW);

        fixture.givenNoPriorActivity()
                .when(raise, INSPECTOR)
                .expectEvents(raisedFrom(raise, NOW, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 23)));
    }

    @Test
    void an_issue_raised_without_a_business_time_occurred_when_it_was_raised() {
        RaiseIssue raise = raiseHotlineComplaint(Severity.NORMAL, null);

        fixture.givenNoPriorActivity()
                .when(raise, INSPECTOR)
                .expectEvents(raisedFrom(raise, NOW, LocalDate.of(2026, 3, 3), DUE));
    }

    @Test
    void a_back_filled_issue_counts_its_deadlines_from_the_day_it_occurred_in_the_hospitals_zone() {
        // 27 February 20:00 UTC is already 28 February in Beijing: a Saturday worked in exchange for the
        // Spring Festival (调休), so the clock starts on a working day: 1 working day → Mon 2 March,
        // 7 → Tue 10 March.
        Instant occurredAt = Instant.parse("2026-02-27T20:00:00Z");
        RaiseIssue raise = raiseHotlineComplaint(Severity.NORMAL, occurredAt);

        fixture.givenNoPriorActivity()
                .when(raise, INSPECTOR)
                .expectEvents(raisedFrom(raise, occurredAt, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 10)));
    }

    @Test
    void an_issue_that_occurs_in_the_future_is_refused() {
        fixture.givenNoPriorActivity()
                .when(raiseHotlineComplaint(Severity.NORMAL, NOW.plusSeconds(1)), INSPECTOR)
                .expectException(DomainRefusal.class)
                .expectException(withCode(VALIDATION_FAILED))
                .expectNoEvents();
    }

    private static IssueRaised raisedFrom(RaiseIssue raise, Instant occurredAt, LocalDate acknowledgeDue, LocalDate due) {
        return new IssueRaised(raise.issueId(), raise.title(), raise.description(), raise.source(), raise.category(),
                raise.severity(), raise.concernedDepartment(), raise.externalRef(), raise.complainant(), occurredAt,
                acknowledgeDue, due, TestPolicies.VERSION);
    }
}
