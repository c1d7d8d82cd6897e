package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The supervision level rose: automatically (BLUE 到期催办 when the due date passed, YELLOW and
 * RED after the policy's working days overdue) or by hand (挂牌督办). Levels never go down.
 */
@Revision("1")
public record IssueEscalated(IssueId issueId, EscalationLevel level, EscalationLevel previousLevel, String reason,
                             boolean automatic, LocalDate dueDate, int workingDaysOverdue, String policyVersion)
        implements IssueEvent {
}
