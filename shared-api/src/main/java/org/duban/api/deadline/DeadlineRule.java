package org.duban.api.deadline;

import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;

/**
 * How long an issue of a source and severity may take: to acknowledge (签收时限) and to resolve
 * (整改期限), in working days, or in hours for emergencies (hours win when set). A null source or
 * severity matches any.
 */
public record DeadlineRule(Source source, Severity severity, int acknowledgeWorkingDays, int resolveWorkingDays,
                           Integer acknowledgeHours, Integer resolveHours) {

    /** How closely this rule fits: 3 for source and severity, 2 severity only, 1 source only, 0 the fallback, -1 none. */
    int fit(Source s, Severity v) {
        if (source != null && source != s) return -1;
        if (severity != null && severity != v) return -1;
        return (severity != null ? 2 : 0) + (source != null ? 1 : 0);
    }
}
