package org.duban.api.calendar;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped calendar (version 0) and the working-day arithmetic deadlines are counted with. */
class WorkingCalendarTest {
    private final WorkingCalendar china = WorkingCalendar.shipped();

    @Test
    void the_shipped_calendar_is_version_0() {
        assertThat(china.version()).isZero();
    }

    @Test
    void ordinary_weekdays_are_worked_and_ordinary_weekends_are_not() {
        assertThat(china.isWorkingDay(of(2026, 3, 4))).as("Wednesday").isTrue();
        assertThat(china.isWorkingDay(of(2026, 3, 7))).as("Saturday").isFalse();
        assertThat(china.isWorkingDay(of(2026, 3, 8))).as("Sunday").isFalse();
    }

    @Test
    void the_2025_national_day_week_is_off_and_its_two_exchange_weekend_days_are_worked() {
        assertThat(of(2025, 9, 28).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(of(2025, 10, 11).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(china.isWorkingDay(of(2025, 9, 28))).as("国庆节调休, a Sunday").isTrue();
        assertThat(china.isWorkingDay(of(2025, 10, 11))).as("国庆节调休, a Saturday").isTrue();
        for (LocalDate day = of(2025, 10, 1); !day.isAfter(of(2025, 10, 8)); day = day.plusDays(1)) {
            assertThat(china.isWorkingDay(day)).as("国庆节/中秋节 %s", day).isFalse();
        }
        assertThat(china.isWorkingDay(of(2025, 10, 9))).as("the first day back").isTrue();
    }

    @Test
    void a_hotline_issue_raised_the_day_before_national_day_2025_is_due_seven_working_days_after_the_holiday() {
        // Raised Tuesday 2025-09-30; the days after it:
        //   Oct 1 (Wed) – Oct 8 (Wed): 国庆节 and 中秋节, Oct 4–5 an ordinary weekend: none counts
        //   Oct 9 (Thu) → 1, Oct 10 (Fri) → 2, Oct 11 (Sat, 调休 worked) → 3, Oct 12 (Sun): off,
        //   Oct 13 (Mon) → 4, Oct 14 (Tue) → 5, Oct 15 (Wed) → 6, Oct 16 (Thu) → 7.
        // So the seventh working day, the due date, is Thursday 2025-10-16 (not the 17th: the
        // Saturday worked in exchange counts).
        assertThat(china.plusWorkingDays(of(2025, 9, 30), 7)).isEqualTo(of(2025, 10, 16));
    }

    @Test
    void one_working_day_after_the_eve_of_national_day_2025_is_the_first_day_back() {
        assertThat(china.plusWorkingDays(of(2025, 9, 30), 1)).isEqualTo(of(2025, 10, 9));
    }

    @Test
    void the_2026_national_day_week_is_off_and_its_two_exchange_weekend_days_are_worked() {
        assertThat(of(2026, 9, 20).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(of(2026, 10, 10).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(china.isWorkingDay(of(2026, 9, 20))).as("国庆节调休, a Sunday").isTrue();
        assertThat(china.isWorkingDay(of(2026, 10, 10))).as("国庆节调休, a Saturday").isTrue();
        for (LocalDate day = of(2026, 10, 1); !day.isAfter(of(2026, 10, 7)); day = day.plusDays(1)) {
            assertThat(china.isWorkingDay(day)).as("国庆节 %s", day).isFalse();
        }
        assertThat(china.isWorkingDay(of(2026, 10, 8))).as("Thursday after the holiday").isTrue();
        assertThat(china.isWorkingDay(of(2026, 9, 25))).as("中秋节, a Friday").isFalse();
    }

    @Test
    void a_hotline_issue_raised_the_day_before_national_day_2026_is_due_seven_working_days_after_the_holiday() {
        // Raised Wednesday 2026-09-30; the days after it:
        //   Oct 1 (Thu) – Oct 7 (Wed): 国庆节 (Oct 3–4 the weekend inside it): none counts
        //   Oct 8 (Thu) → 1, Oct 9 (Fri) → 2, Oct 10 (Sat, 调休 worked) → 3, Oct 11 (Sun): off,
        //   Oct 12 (Mon) → 4, Oct 13 (Tue) → 5, Oct 14 (Wed) → 6, Oct 15 (Thu) → 7.
        assertThat(china.plusWorkingDays(of(2026, 9, 30), 1)).isEqualTo(of(2026, 10, 8));
        assertThat(china.plusWorkingDays(of(2026, 9, 30), 7)).isEqualTo(of(2026, 10, 15));
    }

    @Test
    void zero_working_days_from_a_working_day_is_that_day() {
        assertThat(china.plusWorkingDays(of(2025, 9, 30), 0)).isEqualTo(of(2025, 9, 30));
        assertThat(china.plusWorkingDays(of(2025, 10, 11), 0)).as("a Saturday worked in exchange").isEqualTo(of(2025, 10, 11));
    }

    @Test
    void zero_working_days_from_a_day_off_is_the_next_working_day() {
        assertThat(china.plusWorkingDays(of(2025, 10, 1), 0)).isEqualTo(of(2025, 10, 9));
        assertThat(china.plusWorkingDays(of(2025, 10, 12), 0)).as("a Sunday").isEqualTo(of(2025, 10, 13));
    }

    @Test
    void a_negative_number_of_working_days_is_a_programming_error() {
        assertThatThrownBy(() -> china.plusWorkingDays(of(2025, 10, 1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void working_days_between_counts_the_days_after_the_start_up_to_and_including_the_end() {
        assertThat(china.workingDaysBetween(of(2025, 9, 30), of(2025, 10, 16))).isEqualTo(7);
        assertThat(china.workingDaysBetween(of(2025, 9, 30), of(2025, 10, 9))).isEqualTo(1);
        assertThat(china.workingDaysBetween(of(2025, 9, 30), of(2025, 10, 8))).as("only holidays").isZero();
        assertThat(china.workingDaysBetween(of(2025, 9, 26), of(2025, 9, 30))).as("Sat off, Sun 调休, Mon, Tue").isEqualTo(3);
    }

    @Test
    void working_days_between_a_day_and_itself_or_an_earlier_day_is_zero() {
        assertThat(china.workingDaysBetween(of(2025, 10, 9), of(2025, 10, 9))).isZero();
        assertThat(china.workingDaysBetween(of(2025, 10, 16), of(2025, 9, 30))).isZero();
    }

    @Test
    void working_days_between_and_plus_working_days_agree() {
        LocalDate start = of(2026, 1, 1);
        for (int n = 1; n <= 60; n++) {
            assertThat(china.workingDaysBetween(start, china.plusWorkingDays(start, n))).as("n = %d", n).isEqualTo(n);
        }
    }

    @Test
    void the_shipped_overrides_are_holidays_on_weekdays_and_worked_weekend_days() {
        assertThat(china.overrides()).isNotEmpty().allSatisfy(day -> {
            boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY || day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
            assertThat(day.kind()).as("%s", day).isEqualTo(weekend ? DayKind.WORKDAY : DayKind.HOLIDAY);
            assertThat(day.name()).as("%s", day).isNotBlank();
        });
    }

    @Test
    void resetting_a_day_to_regular_removes_its_override_and_gives_the_next_version() {
        WorkingCalendar changed = china.with(new CalendarDay(of(2025, 10, 11), DayKind.REGULAR, null), 1);

        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.isWorkingDay(of(2025, 10, 11))).as("an ordinary Saturday again").isFalse();
        assertThat(changed.overrides()).extracting(CalendarDay::date).doesNotContain(of(2025, 10, 11));
        assertThat(changed.overrides()).hasSize(china.overrides().size() - 1);
        assertThat(china.isWorkingDay(of(2025, 10, 11))).as("the original is unchanged").isTrue();
        assertThat(china.version()).isZero();
    }

    @Test
    void declaring_a_holiday_adds_an_override_and_moves_deadlines() {
        WorkingCalendar changed = china.with(new CalendarDay(of(2025, 10, 9), DayKind.HOLIDAY, "临时休假"), 1);

        assertThat(changed.isWorkingDay(of(2025, 10, 9))).isFalse();
        assertThat(changed.overrides()).contains(new CalendarDay(of(2025, 10, 9), DayKind.HOLIDAY, "临时休假"));
        assertThat(changed.plusWorkingDays(of(2025, 9, 30), 1)).isEqualTo(of(2025, 10, 10));
    }

    @Test
    void the_overrides_come_in_date_order() {
        assertThat(china.overrides()).extracting(CalendarDay::date).isSorted();
    }
}
