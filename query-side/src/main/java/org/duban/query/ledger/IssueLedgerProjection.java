package org.duban.query.ledger;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issue.IssueRaised;
import org.duban.api.personaldata.SubjectErased;
import org.duban.platform.personaldata.PersonalDataVault;
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
    private final PersonalDataVault vault;

    IssueLedgerProjection(IssueLedgerRepository ledger, PersonalDataVault vault) {
        this.ledger = ledger;
        this.vault = vault;
    }

    @EventHandler
    void on(IssueEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        IssueState state = ledger.load(event.issueId().value()).orElseGet(IssueState::new);
        if (sequence <= state.version) return;
        IssueFold.apply(state, event, at, sequence);
        // Segments run in parallel, so on a replay the erasure may be handled before the raise:
        // a complainant whose key is gone never enters the row with its ciphertexts.
        if (event instanceof IssueRaised && state.complainant != null && vault.isErased(state.complainant.subjectId())) {
            state.complainant = PersonalDataVault.shredded(state.complainant);
        }
        ledger.save(state);
    }

    /** Crypto-shredding: the key is gone; the row keeps only the subject id, no ciphertext. */
    @EventHandler
    void on(SubjectErased event) {
        ledger.shred(event.subjectId());
    }

    @ResetHandler
    void reset() {
        ledger.deleteAll();
    }
}
