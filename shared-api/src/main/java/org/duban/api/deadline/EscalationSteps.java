package org.duban.api.deadline;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When the clock speaks: a reminder {@code dueSoonWorkingDays} before the due date (临近提醒),
 * BLUE when it passes (到期催办), YELLOW and RED after so many working days overdue, and the
 * effectiveness check (回头看) so many working days after closing (null: the default, 20).
 */
public record EscalationSteps(int dueSoonWorkingDays, int yellowAfterWorkingDays, int redAfterWorkingDays,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer effectivenessCheckWorkingDays) {
    /** 回头看 after 20 working days (about a month) unless the policy says otherwise. */
    public static final int DEFAULT_EFFECTIVENESS_CHECK_WORKING_DAYS = 20;

    public EscalationSteps(int dueSoonWorkingDays, int yellowAfterWorkingDays, int redAfterWorkingDays) {
        this(dueSoonWorkingDays, yellowAfterWorkingDays, redAfterWorkingDays, null);
    }

    /** Working days after closing when the effectiveness check (回头看) is due. */
    public int effectivenessCheckDays() {
        return effectivenessCheckWorkingDays == null ? DEFAULT_EFFECTIVENESS_CHECK_WORKING_DAYS : effectivenessCheckWorkingDays;
    }
}
