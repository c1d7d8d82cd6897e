package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** The effectiveness check (回头看) found no recurrence. */
@Revision("1")
public record EffectivenessConfirmed(IssueId issueId, String note) implements IssueEvent {
}
