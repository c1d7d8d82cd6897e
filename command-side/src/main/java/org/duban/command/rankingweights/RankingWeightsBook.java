package org.duban.command.rankingweights;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.ranking.ChangeRankingWeights;
import org.duban.api.ranking.RankingWeights;
import org.duban.api.ranking.RankingWeightsChanged;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The versioned ranking weights (DOMAIN.md "Assessment"): version 0 is the published
 * {@link RankingWeights#DEFAULT}; the book comes into the event store with the first change
 * (version 1). New weights must be usable ({@link RankingWeightsRules}) and differ from those in
 * force, else nothing is appended. Handlers answer the weights' version.
 */
@Aggregate
class RankingWeightsBook {
    @AggregateIdentifier
    private String weightsId;
    private double w = RankingWeights.DEFAULT.w();
    private double a = RankingWeights.DEFAULT.a();
    private double b = RankingWeights.DEFAULT.b();
    private double c = RankingWeights.DEFAULT.c();
    private long version;

    RankingWeightsBook() {
        // for event sourcing, and for the first change (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeRankingWeights cmd) {
        String reason = RankingWeightsRules.check(cmd);
        if (cmd.w() == w && cmd.a() == a && cmd.b() == b && cmd.c() == c) throw RankingWeightsRules.alreadyInForce(version);
        long next = version + 1;
        apply(new RankingWeightsChanged(cmd.weightsId(), next, cmd.w(), cmd.a(), cmd.b(), cmd.c(), reason));
        return next;
    }

    @EventSourcingHandler
    void on(RankingWeightsChanged e) {
        weightsId = e.weightsId();
        w = e.w();
        a = e.a();
        b = e.b();
        c = e.c();
        version = e.version();
    }
}
