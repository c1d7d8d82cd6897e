package org.duban.api.dashboard;

import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;

import java.util.List;
import java.util.Map;

/** One department's open issues: counts by status and by colour, and the cards most urgent first (at most 50). */
public record WallColumn(String department, String name, Map<IssueStatus, Long> byStatus,
                         Map<EscalationLevel, Long> byEscalation, List<WallCard> issues) {
}
