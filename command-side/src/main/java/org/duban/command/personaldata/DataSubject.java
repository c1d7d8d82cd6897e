package org.duban.command.personaldata;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.personaldata.EraseSubject;
import org.duban.api.personaldata.SubjectErased;
import org.duban.platform.personaldata.SubjectKeys;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A data subject (a complainant) whose personal data is sealed with its own key (DOMAIN.md
 * "Personal data"). It enters the event store only when erased: the subject itself is born in
 * the vault when an issue is raised, so "unknown" means the vault never made a key for it.
 * Erasure destroys the key in the same transaction that appends {@link SubjectErased}; a refusal
 * rolls both back. An erased subject refuses every further erasure.
 */
@Aggregate
class DataSubject {
    static final int REASON_MAX = 2_000;

    @AggregateIdentifier
    private String subjectId;
    private boolean erased;

    DataSubject() {
        // for event sourcing, and for the first erasure (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(EraseSubject cmd, SubjectKeys keys) {
        if (erased) throw SubjectRefusals.alreadyErased(cmd.subjectId());
        String reason = cmd.reason() == null ? "" : cmd.reason().strip();
        if (reason.isEmpty()) throw SubjectRefusals.reasonMissing();
        if (reason.length() > REASON_MAX) throw SubjectRefusals.reasonTooLong();
        switch (keys.destroy(cmd.subjectId(), reason)) {
            case UNKNOWN -> throw SubjectRefusals.unknown(cmd.subjectId());
            case ALREADY_DESTROYED -> throw SubjectRefusals.alreadyErased(cmd.subjectId());
            case DESTROYED -> apply(new SubjectErased(cmd.subjectId(), reason));
        }
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    @EventSourcingHandler
    void on(SubjectErased e) {
        subjectId = e.subjectId();
        erased = true;
    }
}
