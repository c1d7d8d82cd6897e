package org.duban.command.deadlinepolicy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.deadline.ChangeDeadlinePolicy;
import org.duban.api.deadline.DeadlinePolicyChanged;
import org.duban.api.deadline.DeadlinePolicySpec;
import org.duban.api.deadline.DeadlineRule;
import org.duban.api.deadline.EscalationSteps;
import org.duban.api.error.InvalidInput;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.duban.api.issue.Severity.CRITICAL;
import static org.duban.api.issue.Severity.HIGH;
import static org.duban.api.issue.Source.HOTLINE;
import static org.duban.api.issue.Source.INSPECTION;
import static org.hamcrest.Matchers.equalTo;

/**
 * ADMIN replaces the deadline policy: the shipped default is version 0, each accepted change
 * the next version; a policy must be complete and consistent, and must change something.
 */
class DeadlinePolicyBookTest {
    private static final String ID = ChangeDeadlinePolicy.DEFAULT_ID;
    private static final DeadlineRule FALLBACK = new DeadlineRule(null, null, 2, 15, null, null);
    private static final DeadlineRule HOTLINE_RULE = new DeadlineRule(HOTLINE, null, 1, 5, null, null);
    private static final DeadlineRule EMERGENCY = new DeadlineRule(null, CRITICAL, 0, 1, 2, 24);
    private static final EscalationSteps STEPS = new EscalationSteps(1, 3, 5);
    /** Hotline within 5 working days instead of the default 7. */
    private static final DeadlinePolicySpec STRICTER = new DeadlinePolicySpec(List.of(FALLBACK, HOTLINE_RULE, EMERGENCY), STEPS);

    private AggregateTestFixture<DeadlinePolicyBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DeadlinePolicyBook.class);
    }

    @Test
    void the_first_change_replaces_the_default_as_version_1() {
        fixture.givenNoPriorActivity()
                .when(new ChangeDeadlinePolicy(ID, STRICTER))
                .expectEvents(new DeadlinePolicyChanged(ID, 1, STRICTER))
                .expectResultMessagePayload(1L);
    }

    @Test
    void each_further_change_is_the_next_version() {
        fixture.given(new DeadlinePolicyChanged(ID, 1, STRICTER))
                .when(new ChangeDeadlinePolicy(ID, DeadlinePolicySpec.DEFAULT))
                .expectEvents(new DeadlinePolicyChanged(ID, 2, DeadlinePolicySpec.DEFAULT))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_fallback_rule_alone_is_a_complete_policy() {
        DeadlinePolicySpec minimal = new DeadlinePolicySpec(List.of(FALLBACK), new EscalationSteps(0, 0, 1));
        fixture.givenNoPriorActivity()
                .when(new ChangeDeadlinePolicy(ID, minimal))
                .expectEvents(new DeadlinePolicyChanged(ID, 1, minimal));
    }

    @Test
    void the_default_policy_is_already_in_force_before_any_change() {
        fixture.givenNoPriorActivity()
                .when(new ChangeDeadlinePolicy(ID, DeadlinePolicySpec.DEFAULT))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void repeating_the_policy_in_force_is_refused() {
        fixture.given(new DeadlinePolicyChanged(ID, 1, STRICTER))
                .when(new ChangeDeadlinePolicy(ID, STRICTER))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void a_policy_without_rules_is_refused() {
        refused(new DeadlinePolicySpec(List.of(), STEPS), "rules");
    }

    @Test
    void a_policy_without_a_fallback_rule_is_refused() {
        refused(new DeadlinePolicySpec(List.of(HOTLINE_RULE, EMERGENCY), STEPS), "rules");
    }

    @Test
    void a_rule_with_only_a_source_is_no_fallback() {
        refused(new DeadlinePolicySpec(List.of(HOTLINE_RULE, new DeadlineRule(INSPECTION, null, 2, 15, null, null)), STEPS), "rules");
    }

    @Test
    void a_rule_with_only_a_severity_is_no_fallback() {
        refused(new DeadlinePolicySpec(List.of(EMERGENCY, new DeadlineRule(null, HIGH, 1, 10, null, null)), STEPS), "rules");
    }

    @Test
    void two_rules_for_the_same_source_and_severity_are_refused() {
        refused(new DeadlinePolicySpec(List.of(FALLBACK, HOTLINE_RULE, new DeadlineRule(HOTLINE, null, 1, 7, null, null)), STEPS),
                "rules[2]");
    }

    @Test
    void two_fallback_rules_are_refused() {
        refused(new DeadlinePolicySpec(List.of(FALLBACK, new DeadlineRule(null, null, 3, 20, null, null)), STEPS), "rules[1]");
    }

    @Test
    void negative_working_days_to_acknowledge_are_refused() {
        refused(withRule(new DeadlineRule(HOTLINE, null, -1, 7, null, null)), "rules[1].acknowledgeWorkingDays");
    }

    @Test
    void negative_working_days_to_resolve_are_refused() {
        refused(withRule(new DeadlineRule(HOTLINE, null, 0, -7, null, null)), "rules[1].resolveWorkingDays");
    }

    @Test
    void working_days_beyond_what_the_calendar_can_count_are_refused() {
        refused(withRule(new DeadlineRule(HOTLINE, null, 1, DeadlinePolicyRules.MAX_WORKING_DAYS + 1, null, null)),
                "rules[1].resolveWorkingDays");
    }

    @Test
    void zero_days_to_acknowledge_means_the_same_working_day_and_is_allowed() {
        DeadlinePolicySpec sameDay = withRule(new DeadlineRule(HOTLINE, null, 0, 7, null, null));
        fixture.givenNoPriorActivity()
                .when(new ChangeDeadlinePolicy(ID, sameDay))
                .expectEvents(new DeadlinePolicyChanged(ID, 1, sameDay));
    }

    @Test
    void acknowledging_later_than_resolving_is_refused() {
        refused(withRule(new DeadlineRule(HOTLINE, null, 8, 7, null, null)), "rules[1].acknowledgeWorkingDays");
    }

    @Test
    void zero_hours_to_acknowledge_are_refused() {
        refused(withRule(new DeadlineRule(null, CRITICAL, 0, 1, 0, 24)), "rules[1].acknowledgeHours");
    }

    @Test
    void zero_hours_to_resolve_are_refused() {
        refused(withRule(new DeadlineRule(null, CRITICAL, 0, 1, 2, 0)), "rules[1].resolveHours");
    }

    @Test
    void negative_hours_are_refused() {
        refused(withRule(new DeadlineRule(null, CRITICAL, 0, 1, -2, 24)), "rules[1].acknowledgeHours");
    }

    @Test
    void acknowledging_more_hours_later_than_resolving_is_refused() {
        refused(withRule(new DeadlineRule(null, CRITICAL, 0, 1, 48, 24)), "rules[1].acknowledgeHours");
    }

    @Test
    void hours_may_be_given_for_resolving_only() {
        DeadlinePolicySpec hours = withRule(new DeadlineRule(null, CRITICAL, 0, 1, null, 12));
        fixture.givenNoPriorActivity()
                .when(new ChangeDeadlinePolicy(ID, hours))
                .expectEvents(new DeadlinePolicyChanged(ID, 1, hours));
    }

    @Test
    void a_policy_without_escalation_steps_is_refused() {
        refused(new DeadlinePolicySpec(List.of(FALLBACK), null), "escalation");
    }

    @Test
    void yellow_at_the_same_time_as_red_is_refused() {
        refused(new DeadlinePolicySpec(List.of(FALLBACK), new EscalationSteps(1, 3, 3)), "escalation.redAfterWorkingDays");
    }

    @Test
    void red_before_yellow_is_refused() {
        refused(new DeadlinePolicySpec(List.of(FALLBACK), new EscalationSteps(1, 5, 3)), "escalation.redAfterWorkingDays");
    }

    @Test
    void a_negative_reminder_is_refused() {
        refused(new DeadlinePolicySpec(List.of(FALLBACK), new EscalationSteps(-1, 3, 5)), "escalation.dueSoonWorkingDays");
    }

    @Test
    void no_reminder_before_the_due_date_is_allowed() {
        DeadlinePolicySpec noReminder = new DeadlinePolicySpec(List.of(FALLBACK), new EscalationSteps(0, 3, 5));
        fixture.givenNoPriorActivity()
                .when(new ChangeDeadlinePolicy(ID, noReminder))
                .expectEvents(new DeadlinePolicyChanged(ID, 1, noReminder));
    }

    @Test
    void a_negative_yellow_step_is_refused() {
        refused(new DeadlinePolicySpec(List.of(FALLBACK), new EscalationSteps(1, -1, 5)), "escalation.yellowAfterWorkingDays");
    }

    @Test
    void a_change_without_a_policy_is_refused() {
        refused(null, "body");
    }

    @Test
    void a_refusal_after_earlier_changes_appends_nothing() {
        fixture.given(new DeadlinePolicyChanged(ID, 1, STRICTER))
                .when(new ChangeDeadlinePolicy(ID, new DeadlinePolicySpec(List.of(HOTLINE_RULE), STEPS)))
                .expectException(onField("rules"))
                .expectNoEvents();
    }

    private void refused(DeadlinePolicySpec spec, String field) {
        fixture.givenNoPriorActivity()
                .when(new ChangeDeadlinePolicy(ID, spec))
                .expectException(InvalidInput.class)
                .expectException(onField(field))
                .expectNoEvents();
    }

    /** A valid policy (fallback first) plus {@code rule} as rules[1]. */
    private static DeadlinePolicySpec withRule(DeadlineRule rule) {
        return new DeadlinePolicySpec(List.of(FALLBACK, rule), STEPS);
    }

    private static Matcher<InvalidInput> onField(String field) {
        return new FeatureMatcher<>(equalTo(field), "a field error on", "field") {
            @Override
            protected String featureValueOf(InvalidInput refusal) {
                return refusal.field();
            }
        };
    }
}
