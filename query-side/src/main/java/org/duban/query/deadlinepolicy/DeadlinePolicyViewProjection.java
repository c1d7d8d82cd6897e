package org.duban.query.deadlinepolicy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.deadline.DeadlinePolicyChanged;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records every version of the deadline policy; a version already recorded is skipped on replay. */
@Component
@ProcessingGroup(DeadlinePolicyViewProjection.GROUP)
class DeadlinePolicyViewProjection {
    static final String GROUP = "deadline-policy-view";

    private final DeadlinePolicyViewRepository policies;

    DeadlinePolicyViewProjection(DeadlinePolicyViewRepository policies) {
        this.policies = policies;
    }

    @EventHandler
    void on(DeadlinePolicyChanged event, @Timestamp Instant at, @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        policies.recordVersion(event, at, userId);
    }

    @ResetHandler
    void reset() {
        policies.deleteAll();
    }
}
