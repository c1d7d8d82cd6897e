package org.duban.command.governance;

import org.duban.api.error.DomainRefusal;
import org.duban.api.governance.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.duban.api.error.ErrorCode.INVALID_TRANSITION;
import static org.duban.api.governance.ProjectStatus.*;
import static org.duban.command.governance.ProjectFixtures.*;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every step of the lifecycle outside its states is refused with INVALID_TRANSITION and appends
 * nothing: review only while PROPOSED or UNDER_REVIEW, decide only UNDER_REVIEW, report stages
 * only APPROVED or EXECUTING, evaluate only EXECUTING, conclude only EVALUATED. A rejected or
 * concluded project accepts nothing.
 */
class ProjectTransitionsTest {

    private record Step(String name, Object command, Map<String, String> actor, Set<ProjectStatus> allowedIn) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Step> STEPS = List.of(
            new Step("review", new ReviewProject(PROJECT_ID, "新专家", 80, null), COMMITTEE, EnumSet.of(PROPOSED, UNDER_REVIEW)),
            new Step("approve", new DecideProject(PROJECT_ID, true, null), COMMITTEE, EnumSet.of(UNDER_REVIEW)),
            new Step("reject", new DecideProject(PROJECT_ID, false, null), COMMITTEE, EnumSet.of(UNDER_REVIEW)),
            new Step("report a stage", new ReportProjectStage(PROJECT_ID, "阶段汇报", List.of()), PHARMACY_STAFF,
                    EnumSet.of(APPROVED, EXECUTING)),
            new Step("evaluate", new EvaluateProject(PROJECT_ID, 90, 90, 90, null), COMMITTEE, EnumSet.of(EXECUTING)),
            new Step("conclude", new ConcludeProject(PROJECT_ID, AwardLevel.SECOND, null), COMMITTEE, EnumSet.of(EVALUATED)));

    static Stream<Arguments> illegalSteps() {
        List<Arguments> cases = new ArrayList<>();
        for (Step step : STEPS) {
            for (ProjectStatus status : ProjectStatus.values()) {
                if (!step.allowedIn().contains(status)) cases.add(arguments(step, status));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> legalSteps() {
        List<Arguments> cases = new ArrayList<>();
        for (Step step : STEPS) for (ProjectStatus status : step.allowedIn()) cases.add(arguments(step, status));
        return cases.stream();
    }

    @ParameterizedTest(name = "cannot {0} a project that is {1}")
    @MethodSource("illegalSteps")
    void an_illegal_step_is_refused_and_appends_nothing(Step step, ProjectStatus status) {
        fixture().given(projectThatIs(status))
                .when(step.command(), step.actor())
                .expectException(DomainRefusal.class)
                .expectException(withCode(INVALID_TRANSITION))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "may {0} a project that is {1}")
    @MethodSource("legalSteps")
    void a_legal_step_appends_one_event(Step step, ProjectStatus status) {
        fixture().given(projectThatIs(status))
                .when(step.command(), step.actor())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(ProjectEvent.class)), andNoMore()));
    }
}
