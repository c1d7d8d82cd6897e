package org.duban.query.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.duban.api.issue.IssueEvent;
import org.duban.query.issuestate.IssueFold;
import org.duban.query.issuestate.IssueState;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The issue ledger (台账): folds each event into the issue's row. The row and the processor's
 * token commit in one transaction; an event already folded (sequence not newer) changes nothing.
 */
@Component
@ProcessingGroup(IssueLedgerProjection.GROUP)
class IssueLedgerProjection {
    static final String GROUP = "issue-ledger";

    private final IssueLedgerRepository ledger;

    IssueLedgerProjection(IssueLedgerRepository ledger) {
        this.ledger = ledger;
    }

    @EventHandler
    void on(IssueEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        IssueState state = ledger.load(event.issueId().value()).orElseGet(IssueState::new);
        if (sequence <= state.version) return;
        ledger.save(IssueFold.apply(state, event, at, sequence));
    }

    @ResetHandler
    void reset() {
        ledger.deleteAll();
    }
}
