package org.duban.api.issue;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 回头看 is due: the policy's working days after closing have passed (loop stage PREVENTION reminder). */
@Revision("1")
public record EffectivenessCheckDue(IssueId issueId, LocalDate closedOn, LocalDate dueDate, String policyVersion) implements IssueEvent {
}
