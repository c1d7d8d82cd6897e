package org.duban.command.calendar;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.calendar.CalendarDayChanged;
import org.duban.api.calendar.ChangeCalendarDay;
import org.duban.api.error.InvalidInput;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.duban.api.calendar.DayKind.HOLIDAY;
import static org.duban.api.calendar.DayKind.REGULAR;
import static org.duban.api.calendar.DayKind.WORKDAY;
import static org.hamcrest.Matchers.equalTo;

/**
 * ADMIN maintains the working-day calendar: it starts as the shipped one (version 0), each change
 * is one date and the next version, and every event changes something.
 */
class CalendarTest {
    private static final String CHINA = "china";
    /** Thursday 2026-11-12, an ordinary weekday in the shipped calendar. */
    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 12);
    /** Saturday 2026-11-14, an ordinary weekend day in the shipped calendar. */
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 14);
    /** Thursday 2026-10-01, 国庆节 in the shipped calendar. */
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);
    /** Saturday 2026-10-10, 国庆节调休 (worked) in the shipped calendar. */
    private static final LocalDate EXCHANGE_SATURDAY = LocalDate.of(2026, 10, 10);

    private AggregateTestFixture<Calendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Calendar.class);
    }

    @Test
    void the_first_change_creates_the_calendar_as_version_1() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, THURSDAY, HOLIDAY, "院庆"))
                .expectEvents(new CalendarDayChanged(CHINA, THURSDAY, HOLIDAY, "院庆", 1))
                .expectResultMessagePayload(1L);
    }

    @Test
    void each_further_change_is_the_next_version() {
        fixture.given(new CalendarDayChanged(CHINA, THURSDAY, HOLIDAY, "院庆", 1),
                        new CalendarDayChanged(CHINA, SATURDAY, WORKDAY, "院庆调休", 2))
                .when(new ChangeCalendarDay(CHINA, THURSDAY, REGULAR, null))
                .expectEvents(new CalendarDayChanged(CHINA, THURSDAY, REGULAR, null, 3))
                .expectResultMessagePayload(3L);
    }

    @Test
    void a_weekend_day_can_be_made_a_working_day_in_exchange() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, SATURDAY, WORKDAY, "院庆调休"))
                .expectEvents(new CalendarDayChanged(CHINA, SATURDAY, WORKDAY, "院庆调休", 1));
    }

    @Test
    void a_shipped_holiday_can_be_reset_to_a_regular_working_day() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, NATIONAL_DAY, REGULAR, null))
                .expectEvents(new CalendarDayChanged(CHINA, NATIONAL_DAY, REGULAR, null, 1));
    }

    @Test
    void a_shipped_exchange_working_day_can_be_reset_to_an_ordinary_saturday() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, EXCHANGE_SATURDAY, REGULAR, "调休取消"))
                .expectEvents(new CalendarDayChanged(CHINA, EXCHANGE_SATURDAY, REGULAR, "调休取消", 1));
    }

    @Test
    void a_holiday_can_be_renamed() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, NATIONAL_DAY, HOLIDAY, "国庆节（中华人民共和国成立纪念日）"))
                .expectEvents(new CalendarDayChanged(CHINA, NATIONAL_DAY, HOLIDAY, "国庆节（中华人民共和国成立纪念日）", 1));
    }

    @Test
    void a_day_reset_earlier_can_be_declared_a_holiday_again() {
        fixture.given(new CalendarDayChanged(CHINA, NATIONAL_DAY, REGULAR, null, 1))
                .when(new ChangeCalendarDay(CHINA, NATIONAL_DAY, HOLIDAY, "国庆节"))
                .expectEvents(new CalendarDayChanged(CHINA, NATIONAL_DAY, HOLIDAY, "国庆节", 2));
    }

    @Test
    void resetting_a_day_that_has_no_override_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, THURSDAY, REGULAR, null))
                .expectException(InvalidInput.class)
                .expectException(onField("kind"))
                .expectNoEvents();
    }

    @Test
    void resetting_a_day_already_reset_is_refused() {
        fixture.given(new CalendarDayChanged(CHINA, THURSDAY, HOLIDAY, "院庆", 1),
                        new CalendarDayChanged(CHINA, THURSDAY, REGULAR, null, 2))
                .when(new ChangeCalendarDay(CHINA, THURSDAY, REGULAR, null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void declaring_the_holiday_already_in_force_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, NATIONAL_DAY, HOLIDAY, "国庆节"))
                .expectException(InvalidInput.class)
                .expectException(onField("kind"))
                .expectNoEvents();
    }

    @Test
    void repeating_the_last_change_is_refused() {
        fixture.given(new CalendarDayChanged(CHINA, SATURDAY, WORKDAY, "院庆调休", 1))
                .when(new ChangeCalendarDay(CHINA, SATURDAY, WORKDAY, "院庆调休"))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void a_holiday_on_a_weekend_day_is_refused_because_it_is_off_anyway() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, SATURDAY, HOLIDAY, "周六假日"))
                .expectException(InvalidInput.class)
                .expectException(onField("kind"))
                .expectNoEvents();
    }

    @Test
    void a_working_day_on_a_weekday_is_refused_because_it_is_worked_anyway() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, THURSDAY, WORKDAY, "上班"))
                .expectException(InvalidInput.class)
                .expectException(onField("kind"))
                .expectNoEvents();
    }

    @Test
    void a_holiday_is_not_turned_into_a_working_day_by_workday_but_by_regular() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, NATIONAL_DAY, WORKDAY, "补班"))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void a_change_without_a_kind_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, THURSDAY, null, "院庆"))
                .expectException(onField("kind"))
                .expectNoEvents();
    }

    @Test
    void a_change_without_a_date_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeCalendarDay(CHINA, null, HOLIDAY, "院庆"))
                .expectException(onField("date"))
                .expectNoEvents();
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
