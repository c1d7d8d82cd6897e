package org.duban.command.deadlinepolicy;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.deadline.ChangeDeadlinePolicy;
import org.duban.api.deadline.DeadlinePolicyChanged;
import org.duban.api.deadline.DeadlinePolicySpec;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The versioned deadline policy (DOMAIN.md "Deadlines"): version 0 is the shipped
 * {@link DeadlinePolicySpec#DEFAULT}; the book comes into the event store with ADMIN's first
 * change (version 1). A new version must be a complete, consistent policy and differ from the
 * one in force. Handlers answer the policy's version.
 */
@Aggregate
class DeadlinePolicyBook {
    @AggregateIdentifier
    private String policyId;
    private DeadlinePolicySpec inForce = DeadlinePolicySpec.DEFAULT;
    private long version;

    DeadlinePolicyBook() {
        // for event sourcing, and for the first change (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeDeadlinePolicy cmd) {
        DeadlinePolicyRules.check(cmd.spec());
        if (cmd.spec().equals(inForce)) throw DeadlinePolicyRules.alreadyInForce(version);
        long next = version + 1;
        apply(new DeadlinePolicyChanged(cmd.policyId(), next, cmd.spec()));
        return next;
    }

    @EventSourcingHandler
    void on(DeadlinePolicyChanged e) {
        policyId = e.policyId();
        inForce = e.spec();
        version = e.version();
    }
}
