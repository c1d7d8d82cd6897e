package org.duban.command.issue;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.issue.*;
import org.duban.api.personaldata.SealedPersonalData;
import org.duban.command.deadline.TestPolicies;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * The fixed world the Issue specifications run in: one issue, one clock, three departments and
 * the histories that bring an issue into each state.
 */
final class IssueFixtures {
    static final IssueId ISSUE_ID = IssueId.of("0b6e2a4c-5d1f-4e8a-9c3b-7f2d1e6a8b90");
    static final IssueId OTHER_ISSUE_ID = IssueId.of("3c9d7e1f-2a4b-4c6d-8e0f-1a2b3c4d5e6f");

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2 March 2026, 10:00 in the hospital's zone. */
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final LocalDate ACKNOWLEDGE_DUE = LocalDate.of(2026, 3, 3);
    /** 7 working days (hotline, normal) after Monday 2 March 2026. */
    static final LocalDate DUE = LocalDate.of(2026, 3, 11);
    /** A recurrence is rectified afresh: 7 working days (hotline, normal) from the day it was found. */
    static final LocalDate REOPENED_DUE = LocalDate.of(2026, 3, 11);

    static final DepartmentCode PHARMACY = DepartmentCode.of("PHARMACY");
    static final DepartmentCode NURSING = DepartmentCode.of("NURSING");
    static final DepartmentCode LOGISTICS = DepartmentCode.of("LOGISTICS");

    static final Map<String, String> PHARMACY_STAFF = Map.of("userId", "pharmacy.li", "role", "DEPARTMENT", "department", "PHARMACY");
    static final Map<String, String> NURSING_STAFF = Map.of("userId", "nursing.wang", "role", "DEPARTMENT", "department", "NURSING");
    static final Map<String, String> LOGISTICS_STAFF = Map.of("userId", "logistics.chen", "role", "DEPARTMENT", "department", "LOGISTICS");
    static final Map<String, String> INSPECTOR = Map.of("userId", "inspector.zhao", "role", "INSPECTOR");

    static final SealedPersonalData COMPLAINANT = new SealedPersonalData("subject-0731", "bmFtZQ==", "cGhvbmU=", null);

    private IssueFixtures() {
    }

    static AggregateTestFixture<Issue> fixture() {
        return fixtureAt(NOW);
    }

    /** A fixture whose injected clock stands still at {@code now} in the hospital's zone. */
    static AggregateTestFixture<Issue> fixtureAt(Instant now) {
        AggregateTestFixture<Issue> fixture = new AggregateTestFixture<>(Issue.class);
        fixture.registerInjectableResource(TestPolicies.shipped(ZONE));
        fixture.registerInjectableResource(Clock.fixed(now, ZONE));
        return fixture;
    }

    /** The 12345 hotline complaint every specification starts from, raised NOW. */
    static RaiseIssue raiseHotlineComplaint(Severity severity, Instant occurredAt) {
        return new RaiseIssue(ISSUE_ID, "Two-hour queue at the outpatient pharmacy",
                "A patient waited over two hours to collect medicine.", Source.HOTLINE, Category.MEDICAL_SERVICE,
                severity, PHARMACY, "12345-2026-000731", COMPLAINANT, occurredAt);
    }

    static IssueRaised raised(IssueId id) {
        return new IssueRaised(id, "Two-hour queue at the outpatient pharmacy",
                "A patient waited over two hours to collect medicine.", Source.HOTLINE, Category.MEDICAL_SERVICE,
                Severity.NORMAL, PHARMACY, "12345-2026-000731", COMPLAINANT, NOW, ACKNOWLEDGE_DUE, DUE,
                TestPolicies.VERSION);
    }

    /** The events that bring the issue to {@code status}, owned by PHARMACY wherever it has an owner. */
    static List<Object> issueThatIs(IssueStatus status) {
        return issueThatIs(status, ISSUE_ID);
    }

    static List<Object> issueThatIs(IssueStatus status, IssueId id) {
        List<Object> events = new ArrayList<>();
        switch (status) {
            case REGISTERED -> events.add(raised(id));
            case ASSIGNED -> {
                events.addAll(issueThatIs(IssueStatus.REGISTERED, id));
                events.add(new OwnerAssigned(id, PHARMACY, null, "pharmacist.li", "Dispensing is the pharmacy's"));
            }
            case IN_PROGRESS -> {
                events.addAll(issueThatIs(IssueStatus.ASSIGNED, id));
                events.add(new IssueAcknowledged(id, PHARMACY, "We will look into the queue"));
            }
            case PENDING_VERIFICATION -> {
                events.addAll(issueThatIs(IssueStatus.IN_PROGRESS, id));
                events.add(submittedBy(id, PHARMACY_STAFF));
            }
            case CLOSED -> {
                events.addAll(issueThatIs(IssueStatus.PENDING_VERIFICATION, id));
                events.add(new IssueClosed(id, "Queue under 20 minutes on three visits"));
            }
            case EFFECTIVE -> {
                events.addAll(issueThatIs(IssueStatus.CLOSED, id));
                events.add(new EffectivenessConfirmed(id, "No recurrence after a month"));
            }
            case REOPENED -> {
                events.addAll(issueThatIs(IssueStatus.CLOSED, id));
                events.add(new IssueReopened(id, "Queues back over an hour", REOPENED_DUE, TestPolicies.VERSION));
            }
            case WITHDRAWN -> {
                events.addAll(issueThatIs(IssueStatus.IN_PROGRESS, id));
                events.add(new IssueWithdrawn(id, "Raised in error"));
            }
        }
        return events;
    }

    /** The submission, carrying the submitter in its metadata as the event store would. */
    static Object submittedBy(IssueId id, Map<String, String> actor) {
        return GenericEventMessage.asEventMessage(new RectificationSubmitted(id, PHARMACY, "Two more dispensing windows",
                List.of("evidence/window-roster.pdf"))).andMetaData(actor);
    }

    /** A refusal carrying {@code code}. */
    static Matcher<DomainRefusal> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "a refusal with code", "code") {
            @Override
            protected ErrorCode featureValueOf(DomainRefusal refusal) {
                return refusal.code();
            }
        };
    }
}
