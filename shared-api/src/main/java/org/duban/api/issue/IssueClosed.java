package org.duban.api.issue;

import org.axonframework.serialization.Revision;

/** Verification passed: the issue is closed off the ledger (销号). */
@Revision("1")
public record IssueClosed(IssueId issueId, String note) implements IssueEvent {
}
