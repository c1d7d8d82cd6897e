package org.duban.command.deadline;

import org.duban.api.calendar.WorkingCalendar;
import org.duban.api.deadline.DeadlinePolicySpec;

import java.time.ZoneId;

/** The shipped calendar and the default policy (both version 0), as fixtures use them. */
public final class TestPolicies {
    public static final String VERSION = "policy/0+calendar/0";

    private TestPolicies() {
    }

    public static DeadlinePolicy shipped(ZoneId zone) {
        return WorkingDayDeadlinePolicy.fixed(WorkingCalendar.shipped(), DeadlinePolicySpec.DEFAULT, 0, zone);
    }
}
