package org.duban.command.bulletin;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.bulletin.AddBulletinEntry;
import org.duban.api.bulletin.BulletinDrafted;
import org.duban.api.bulletin.BulletinEntry;
import org.duban.api.bulletin.BulletinEntryAdded;
import org.duban.api.bulletin.BulletinPublished;
import org.duban.api.bulletin.DraftBulletin;
import org.duban.api.bulletin.PublishBulletin;
import org.duban.api.department.DepartmentCode;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.issue.IssueId;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.duban.api.issue.BulletinEntryKind.COMMENDATION;
import static org.duban.api.issue.BulletinEntryKind.CRITICISM;
import static org.hamcrest.Matchers.equalTo;

/**
 * A bulletin (通报) is drafted for a month, names issues in commendation or criticism, each
 * issue once, and once published with at least one entry it never changes again.
 */
class BulletinTest {
    private static final String BULLETIN = "0b7c1d52-3f0a-4c57-9a43-6a1f2d9b1e01";
    private static final IssueId WAITING_TIMES = IssueId.of("5d1e8a7c-0000-4000-8000-000000000001");
    private static final IssueId RUDE_NURSE = IssueId.of("5d1e8a7c-0000-4000-8000-000000000002");
    private static final DepartmentCode PHARMACY = DepartmentCode.of("PHARMACY");
    private static final BulletinDrafted DRAFTED = new BulletinDrafted(BULLETIN, "十月督办情况通报", "2026-10");
    private static final BulletinEntryAdded PRAISED = new BulletinEntryAdded(BULLETIN, "e1", WAITING_TIMES, COMMENDATION,
            PHARMACY, "药学部三日内完成整改，群众满意。");
    private static final BulletinEntryAdded CRITICISED = new BulletinEntryAdded(BULLETIN, "e2", RUDE_NURSE, CRITICISM,
            null, "推诿扯皮，逾期未整改。");

    private AggregateTestFixture<Bulletin> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bulletin.class);
    }

    @Test
    void committee_drafts_a_bulletin_for_a_month() {
        fixture.givenNoPriorActivity()
                .when(new DraftBulletin(BULLETIN, "  十月督办情况通报 ", "2026-10"))
                .expectEvents(DRAFTED);
    }

    @Test
    void a_draft_without_a_title_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new DraftBulletin(BULLETIN, " ", "2026-10"))
                .expectException(onField("title"))
                .expectNoEvents();
    }

    @Test
    void a_draft_for_something_that_is_not_a_month_is_refused() {
        for (String period : new String[]{null, "2026-13", "2026-1", "2026/10", "+12026-10", "2026-10-01"}) {
            fixture.givenNoPriorActivity()
                    .when(new DraftBulletin(BULLETIN, "通报", period))
                    .expectException(onField("period"))
                    .expectNoEvents();
        }
    }

    @Test
    void an_entry_names_an_issue_with_an_optional_department_and_answers_the_version() {
        fixture.given(DRAFTED)
                .when(new AddBulletinEntry(BULLETIN, "e1", WAITING_TIMES, COMMENDATION, PHARMACY, " 药学部三日内完成整改，群众满意。 "))
                .expectEvents(PRAISED)
                .expectResultMessagePayload(1L);
        fixture.given(DRAFTED, PRAISED)
                .when(new AddBulletinEntry(BULLETIN, "e2", RUDE_NURSE, CRITICISM, null, "推诿扯皮，逾期未整改。"))
                .expectEvents(CRITICISED)
                .expectResultMessagePayload(2L);
    }

    @Test
    void naming_the_same_issue_twice_in_one_bulletin_is_refused() {
        fixture.given(DRAFTED, PRAISED)
                .when(new AddBulletinEntry(BULLETIN, "e3", WAITING_TIMES, CRITICISM, null, "又一次"))
                .expectException(refusal(ErrorCode.ISSUE_ALREADY_IN_BULLETIN))
                .expectNoEvents();
    }

    @Test
    void an_entry_without_kind_text_or_issue_is_refused() {
        fixture.given(DRAFTED)
                .when(new AddBulletinEntry(BULLETIN, "e1", WAITING_TIMES, null, null, "文字"))
                .expectException(onField("kind"))
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new AddBulletinEntry(BULLETIN, "e1", WAITING_TIMES, COMMENDATION, null, "  "))
                .expectException(onField("text"))
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new AddBulletinEntry(BULLETIN, "e1", null, COMMENDATION, null, "文字"))
                .expectException(onField("issueId"))
                .expectNoEvents();
    }

    @Test
    void publishing_carries_every_entry_in_order() {
        fixture.given(DRAFTED, PRAISED, CRITICISED)
                .when(new PublishBulletin(BULLETIN))
                .expectEvents(new BulletinPublished(BULLETIN, "十月督办情况通报", "2026-10", List.of(
                        new BulletinEntry("e1", WAITING_TIMES, COMMENDATION, PHARMACY, "药学部三日内完成整改，群众满意。"),
                        new BulletinEntry("e2", RUDE_NURSE, CRITICISM, null, "推诿扯皮，逾期未整改。"))))
                .expectResultMessagePayload(3L);
    }

    @Test
    void publishing_a_bulletin_without_entries_is_refused() {
        fixture.given(DRAFTED)
                .when(new PublishBulletin(BULLETIN))
                .expectException(refusal(ErrorCode.BULLETIN_EMPTY))
                .expectNoEvents();
    }

    @Test
    void a_published_bulletin_takes_no_more_entries() {
        fixture.given(DRAFTED, PRAISED, published())
                .when(new AddBulletinEntry(BULLETIN, "e2", RUDE_NURSE, CRITICISM, null, "推诿扯皮，逾期未整改。"))
                .expectException(refusal(ErrorCode.BULLETIN_PUBLISHED))
                .expectNoEvents();
    }

    @Test
    void a_published_bulletin_is_not_published_again() {
        fixture.given(DRAFTED, PRAISED, published())
                .when(new PublishBulletin(BULLETIN))
                .expectException(refusal(ErrorCode.BULLETIN_PUBLISHED))
                .expectNoEvents();
    }

    @Test
    void entries_and_publication_of_a_bulletin_never_drafted_are_refused_as_not_found() {
        fixture.givenNoPriorActivity()
                .when(new PublishBulletin(BULLETIN))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private static BulletinPublished published() {
        return new BulletinPublished(BULLETIN, "十月督办情况通报", "2026-10", List.of(
                new BulletinEntry("e1", WAITING_TIMES, COMMENDATION, PHARMACY, "药学部三日内完成整改，群众满意。")));
    }

    private static Matcher<InvalidInput> onField(String field) {
        return new FeatureMatcher<>(equalTo(field), "a field error on", "field") {
            @Override
            protected String featureValueOf(InvalidInput refusal) {
                return refusal.field();
            }
        };
    }

    private static Matcher<DomainRefusal> refusal(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "a refusal with code", "code") {
            @Override
            protected ErrorCode featureValueOf(DomainRefusal refusal) {
                return refusal.code();
            }
        };
    }
}
