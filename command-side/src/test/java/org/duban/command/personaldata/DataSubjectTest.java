package org.duban.command.personaldata;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.error.InvalidInput;
import org.duban.api.personaldata.EraseSubject;
import org.duban.api.personaldata.SubjectErased;
import org.duban.platform.personaldata.SubjectKeys;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Erasing a data subject (crypto-shredding): the first erasure of a known subject destroys its key
 * and appends SubjectErased; an unknown subject, a second erasure and a missing reason are refused
 * and leave the key as it was.
 */
class DataSubjectTest {
    private static final String SUBJECT = "6f1c2f4e-8a51-4c4a-9d0e-2b7f5f0e9a11";
    private static final String STRANGER = "0b8d9a51-3c7e-4f21-8e55-7a1f3c9d2e40";

    private AggregateTestFixture<DataSubject> fixture;
    private InMemoryKeys keys;

    @BeforeEach
    void setUp() {
        keys = new InMemoryKeys();
        keys.made(SUBJECT);
        fixture = new AggregateTestFixture<>(DataSubject.class);
        fixture.registerInjectableResource(keys);
    }

    @Test
    void erasing_a_known_subject_destroys_its_key_and_records_why_without_personal_data() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, "  投诉人依法申请删除 (PIPL 第47条)  "))
                .expectEvents(new SubjectErased(SUBJECT, "投诉人依法申请删除 (PIPL 第47条)"))
                .expectResultMessagePayload(0L);
        assertThat(keys.state.get(SUBJECT)).isEqualTo("destroyed: 投诉人依法申请删除 (PIPL 第47条)");
    }

    @Test
    void a_subject_no_key_was_ever_made_for_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(STRANGER, "申请删除"))
                .expectNoEvents()
                .expectException(DomainRefusal.class)
                .expectException(withCode(ErrorCode.SUBJECT_NOT_FOUND));
    }

    @Test
    void a_second_erasure_is_refused_as_already_erased() {
        fixture.given(new SubjectErased(SUBJECT, "申请删除"))
                .when(new EraseSubject(SUBJECT, "再次申请"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ALREADY_ERASED));
        assertThat(keys.destroyCalls).as("the vault is not even asked").isZero();
    }

    @Test
    void a_key_destroyed_without_an_event_still_counts_as_erased() {
        keys.state.put(SUBJECT, "destroyed: earlier");
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, "申请删除"))
                .expectNoEvents()
                .expectException(withCode(ErrorCode.ALREADY_ERASED));
    }

    @Test
    void a_missing_reason_is_refused_and_the_key_stays() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, null))
                .expectNoEvents()
                .expectException(InvalidInput.class)
                .expectException(onField("reason"));
        assertThat(keys.state.get(SUBJECT)).isEqualTo("live");
    }

    @Test
    void a_blank_reason_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, " \t "))
                .expectNoEvents()
                .expectException(onField("reason"));
        assertThat(keys.state.get(SUBJECT)).isEqualTo("live");
    }

    @Test
    void a_reason_over_the_limit_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubject(SUBJECT, "因".repeat(DataSubject.REASON_MAX + 1)))
                .expectNoEvents()
                .expectException(onField("reason"));
        assertThat(keys.state.get(SUBJECT)).isEqualTo("live");
    }

    private static Matcher<DomainRefusal> withCode(ErrorCode code) {
        return new FeatureMatcher<>(equalTo(code), "a refusal with code", "code") {
            @Override
            protected ErrorCode featureValueOf(DomainRefusal refusal) {
                return refusal.code();
            }
        };
    }

    private static Matcher<InvalidInput> onField(String field) {
        return new FeatureMatcher<>(equalTo(field), "a field error on", "field") {
            @Override
            protected String featureValueOf(InvalidInput refusal) {
                return refusal.field();
            }
        };
    }

    /** The vault's key table in memory: "live" or "destroyed: reason" per subject. */
    private static final class InMemoryKeys implements SubjectKeys {
        final Map<String, String> state = new HashMap<>();
        int destroyCalls;

        void made(String subjectId) {
            state.put(subjectId, "live");
        }

        @Override
        public Destruction destroy(String subjectId, String reason) {
            destroyCalls++;
            String current = state.get(subjectId);
            if (current == null) return Destruction.UNKNOWN;
            if (!current.equals("live")) return Destruction.ALREADY_DESTROYED;
            state.put(subjectId, "destroyed: " + reason);
            return Destruction.DESTROYED;
        }
    }
}
