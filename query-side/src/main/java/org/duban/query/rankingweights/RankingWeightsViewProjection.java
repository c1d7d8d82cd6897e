package org.duban.query.rankingweights;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.ranking.RankingWeightsChanged;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records every version of the ranking weights with its record time; a version already recorded is skipped on replay. */
@Component
@ProcessingGroup(RankingWeightsViewProjection.GROUP)
class RankingWeightsViewProjection {
    static final String GROUP = "ranking-weights-view";

    private final RankingWeightsRepository weights;

    RankingWeightsViewProjection(RankingWeightsRepository weights) {
        this.weights = weights;
    }

    @EventHandler
    void on(RankingWeightsChanged event, @Timestamp Instant at, @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        weights.recordVersion(event, at, userId);
    }

    @ResetHandler
    void reset() {
        weights.deleteAll();
    }
}
