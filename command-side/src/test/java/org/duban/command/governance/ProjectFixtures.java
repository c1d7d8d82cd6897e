package org.duban.command.governance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.governance.*;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * The fixed world the governance project specifications run in: 佑安医院's pharmacy project
 * 优化门诊药房药品调配流程, its actors, and the histories that bring it into each state.
 */
final class ProjectFixtures {
    static final String PROJECT_ID = "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
    static final String ISSUE_ID = "0b6e2a4c-5d1f-4e8a-9c3b-7f2d1e6a8b90";
    static final String TITLE = "优化门诊药房药品调配流程";
    static final String SUMMARY = "门诊取药排队时间长，调配流程重排以缩短等候。";
    static final DepartmentCode PHARMACY = DepartmentCode.of("PHARMACY");

    static final Map<String, String> PHARMACY_STAFF = Map.of("userId", "pharmacy", "role", "DEPARTMENT", "department", "PHARMACY");
    static final Map<String, String> INPATIENT_STAFF = Map.of("userId", "inpatient", "role", "DEPARTMENT", "department", "INPATIENT_SERVICE");
    static final Map<String, String> COMMITTEE = Map.of("userId", "committee", "role", "COMMITTEE", "department", "PARTY_OFFICE");

    static final ProjectProposed WAS_PROPOSED = new ProjectProposed(PROJECT_ID, TITLE, PHARMACY, SUMMARY);
    static final ProjectReviewed WAS_REVIEWED = new ProjectReviewed(PROJECT_ID, "清华大学 王教授", 92, "问题抓得准");
    static final ProjectApproved WAS_APPROVED = new ProjectApproved(PROJECT_ID, "同意立项");
    static final ProjectRejected WAS_REJECTED = new ProjectRejected(PROJECT_ID, "与既有项目重复");
    static final ProjectStageReported WAS_REPORTED = new ProjectStageReported(PROJECT_ID, "调配窗口由4个增至6个", List.of(ISSUE_ID));
    static final ProjectEvaluated WAS_EVALUATED = new ProjectEvaluated(PROJECT_ID, 92, 90, 91, new BigDecimal("91.00"), "成效显著");
    static final ProjectConcluded WAS_CONCLUDED = new ProjectConcluded(PROJECT_ID, AwardLevel.FIRST, "一等奖");

    private ProjectFixtures() {
    }

    static AggregateTestFixture<GovernanceProject> fixture() {
        return new AggregateTestFixture<>(GovernanceProject.class);
    }

    /** The events that bring the project into {@code status}. */
    static List<Object> projectThatIs(ProjectStatus status) {
        List<Object> events = new ArrayList<>(List.of(WAS_PROPOSED));
        if (status == ProjectStatus.PROPOSED) return events;
        events.add(WAS_REVIEWED);
        if (status == ProjectStatus.UNDER_REVIEW) return events;
        if (status == ProjectStatus.REJECTED) {
            events.add(WAS_REJECTED);
            return events;
        }
        events.add(WAS_APPROVED);
        if (status == ProjectStatus.APPROVED) return events;
        events.add(WAS_REPORTED);
        if (status == ProjectStatus.EXECUTING) return events;
        events.add(WAS_EVALUATED);
        if (status == ProjectStatus.EVALUATED) return events;
        events.add(WAS_CONCLUDED);
        return events;
    }

    static Matcher<DomainRefusal> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "a refusal with code", "code") {
            @Override
            protected ErrorCode featureValueOf(DomainRefusal refusal) {
                return refusal.code();
            }
        };
    }

    static Matcher<InvalidInput> onField(String field) {
        return new FeatureMatcher<>(equalTo(field), "a field error on", "field") {
            @Override
            protected String featureValueOf(InvalidInput refusal) {
                return refusal.field();
            }
        };
    }
}
