package org.duban.command.inspection;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.inspection.CloseRound;
import org.duban.api.inspection.FindingRecorded;
import org.duban.api.inspection.PlanRound;
import org.duban.api.inspection.RecordFinding;
import org.duban.api.inspection.RoundClosed;
import org.duban.api.inspection.RoundKind;
import org.duban.api.inspection.RoundPlanned;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An inspection round (督查 / 查房, DOMAIN.md): planned or unannounced (四不两直), or a
 * party-building round (党建查房) whose findings name one of its six steps. Each finding raises a
 * linked issue (see {@link FindingIssueRaiser}); a closed round takes no more findings.
 * Handlers answer the round's version.
 */
@Aggregate
class InspectionRound {
    @AggregateIdentifier
    private String roundId;
    private RoundKind kind;
    private boolean closed;
    private final Set<String> findings = new HashSet<>();

    InspectionRound() {
        // for event sourcing
    }

    @CommandHandler
    InspectionRound(PlanRound cmd) {
        if (cmd.title() == null || cmd.title().isBlank()) throw RoundRefusals.titleMissing();
        if (cmd.kind() == null) throw RoundRefusals.kindMissing();
        List<?> departments = cmd.departments() == null ? List.of() : cmd.departments();
        if (departments.size() != Set.copyOf(departments).size()) throw RoundRefusals.departmentsRepeated();
        apply(new RoundPlanned(cmd.roundId(), cmd.title().strip(), cmd.kind(), cmd.plannedDate(),
                cmd.departments() == null ? List.of() : List.copyOf(cmd.departments())));
    }

    @CommandHandler
    long handle(RecordFinding cmd) {
        if (closed) throw RoundRefusals.closed(roundId);
        if (cmd.findingId() == null || cmd.findingId().isBlank()) throw RoundRefusals.findingIdMissing();
        if (findings.contains(cmd.findingId())) throw RoundRefusals.findingRepeated(cmd.findingId());
        if (cmd.title() == null || cmd.title().isBlank()) throw RoundRefusals.titleMissing();
        if (cmd.category() == null) throw RoundRefusals.categoryMissing();
        if (cmd.severity() == null) throw RoundRefusals.severityMissing();
        if (cmd.step() != null && kind != RoundKind.PARTY_ROUNDS) throw RoundRefusals.stepOutsidePartyRounds(kind);
        apply(new FindingRecorded(roundId, cmd.findingId(), cmd.title().strip(), cmd.description(), cmd.category(),
                cmd.severity(), cmd.department(), cmd.step(), kind, FindingRecorded.issueIdFor(roundId, cmd.findingId())));
        return version();
    }

    @CommandHandler
    long handle(CloseRound cmd) {
        if (closed) throw RoundRefusals.closed(roundId);
        apply(new RoundClosed(roundId));
        return version();
    }

    @EventSourcingHandler
    void on(RoundPlanned e) {
        roundId = e.roundId();
        kind = e.kind();
    }

    @EventSourcingHandler
    void on(FindingRecorded e) {
        findings.add(e.findingId());
    }

    @EventSourcingHandler
    void on(RoundClosed e) {
        closed = true;
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
