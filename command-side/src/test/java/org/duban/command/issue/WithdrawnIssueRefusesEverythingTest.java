package org.duban.command.issue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.issue.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.duban.api.error.ErrorCode.INVALID_TRANSITION;
import static org.duban.api.issue.IssueStatus.IN_PROGRESS;
import static org.duban.command.issue.IssueFixtures.*;

/**
 * A WITHDRAWN issue, whether withdrawn with a reason or merged into another, refuses every
 * command with INVALID_TRANSITION and appends nothing. Before it was withdrawn it was in
 * progress, on hold and waiting for an extension decision, so each refusal below is owed to the
 * withdrawal alone.
 */
class WithdrawnIssueRefusesEverythingTest {
    private AggregateTestFixture<Issue> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
        RoutingIssueRepository issues = new RoutingIssueRepository(fixture.getRepository())
                .withIssue(OTHER_ISSUE_ID, issueThatIs(IN_PROGRESS, OTHER_ISSUE_ID));
        fixture.registerAnnotatedCommandHandler(new MergeIssueHandler(issues));
    }

    static Stream<Named<List<Object>>> withdrawnIssues() {
        return Stream.of(
                Named.of("withdrawn with a reason", heldWithPendingExtensionAnd(new IssueWithdrawn(ISSUE_ID, "Raised in error"))),
                Named.of("merged into another issue", heldWithPendingExtensionAnd(new IssueMerged(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"))));
    }

    private static List<Object> heldWithPendingExtensionAnd(IssueEvent withdrawal) {
        List<Object> history = new ArrayList<>(issueThatIs(IN_PROGRESS));
        history.add(new ExtensionRequested(ISSUE_ID, DUE, DUE.plusDays(7), "Windows arrive late"));
        history.add(new IssueHeld(ISSUE_ID, "Waiting for the health commission"));
        history.add(withdrawal);
        return history;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_assigned(List<Object> withdrawn) {
        expectRefused(withdrawn, new AssignOwner(ISSUE_ID, NURSING, null, "Reassign"), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_returned(List<Object> withdrawn) {
        expectRefused(withdrawn, new ReturnIssue(ISSUE_ID, "Not ours"), PHARMACY_STAFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_get_a_co_department(List<Object> withdrawn) {
        expectRefused(withdrawn, new AddCoDepartment(ISSUE_ID, NURSING), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_acknowledged(List<Object> withdrawn) {
        expectRefused(withdrawn, new AcknowledgeIssue(ISSUE_ID, "On it"), PHARMACY_STAFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_get_a_plan(List<Object> withdrawn) {
        expectRefused(withdrawn, new FileRectificationPlan(ISSUE_ID, "Too few windows", "Open two more", List.of()),
                PHARMACY_STAFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void no_progress_can_be_reported_on_a_withdrawn_issue(List<Object> withdrawn) {
        expectRefused(withdrawn, new ReportProgress(ISSUE_ID, 80, "Nearly there", List.of()), PHARMACY_STAFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void no_extension_can_be_requested_for_a_withdrawn_issue(List<Object> withdrawn) {
        expectRefused(withdrawn, new RequestExtension(ISSUE_ID, LocalDate.of(2026, 3, 30), "More time"), PHARMACY_STAFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void the_pending_extension_of_a_withdrawn_issue_cannot_be_decided(List<Object> withdrawn) {
        expectRefused(withdrawn, new DecideExtension(ISSUE_ID, true, "Approved"), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_held(List<Object> withdrawn) {
        expectRefused(withdrawn, new HoldIssue(ISSUE_ID, "Pause"), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_that_was_on_hold_cannot_be_resumed(List<Object> withdrawn) {
        expectRefused(withdrawn, new ResumeIssue(ISSUE_ID, "Ruling received"), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void no_rectification_can_be_submitted_for_a_withdrawn_issue(List<Object> withdrawn) {
        expectRefused(withdrawn, new SubmitRectification(ISSUE_ID, "Done", List.of()), PHARMACY_STAFF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_verified(List<Object> withdrawn) {
        expectRefused(withdrawn, new VerifyRectification(ISSUE_ID, true, "Fine"), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_withdrawn_again(List<Object> withdrawn) {
        expectRefused(withdrawn, new WithdrawIssue(ISSUE_ID, "Again"), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_merged_into_an_open_one(List<Object> withdrawn) {
        expectRefused(withdrawn, new MergeIssue(ISSUE_ID, OTHER_ISSUE_ID, "DUPLICATE"), INSPECTOR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withdrawnIssues")
    void a_withdrawn_issue_cannot_be_checked_for_effectiveness(List<Object> withdrawn) {
        expectRefused(withdrawn, new CheckEffectiveness(ISSUE_ID, true, "Recurred"), INSPECTOR);
    }

    private void expectRefused(List<Object> withdrawn, Object command, Map<String, ?> actor) {
        fixture.given(withdrawn)
                .when(command, actor)
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }
}
