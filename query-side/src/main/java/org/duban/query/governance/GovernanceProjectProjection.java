package org.duban.query.governance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.governance.*;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the governance project view: the project row, its reviews and its stage reports. Each
 * write is guarded by the event's sequence number, so a replayed event changes nothing.
 */
@Component
@ProcessingGroup(GovernanceProjectProjection.GROUP)
class GovernanceProjectProjection {
    static final String GROUP = "governance-view";

    private final GovernanceProjectRepository projects;

    GovernanceProjectProjection(GovernanceProjectRepository projects) {
        this.projects = projects;
    }

    @EventHandler
    void on(ProjectProposed e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @SequenceNumber long sequence) {
        projects.proposed(e, at, userId, sequence);
    }

    @EventHandler
    void on(ProjectReviewed e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @SequenceNumber long sequence) {
        projects.reviewed(e, at, userId, sequence);
    }

    @EventHandler
    void on(ProjectApproved e, @Timestamp Instant at, @SequenceNumber long sequence) {
        projects.decided(e.projectId(), ProjectStatus.APPROVED, e.note(), at, sequence);
    }

    @EventHandler
    void on(ProjectRejected e, @Timestamp Instant at, @SequenceNumber long sequence) {
        projects.decided(e.projectId(), ProjectStatus.REJECTED, e.note(), at, sequence);
    }

    @EventHandler
    void on(ProjectStageReported e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.USER_ID) String userId,
            @SequenceNumber long sequence) {
        projects.stageReported(e, at, userId, sequence);
    }

    @EventHandler
    void on(ProjectEvaluated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        projects.evaluated(e, at, sequence);
    }

    @EventHandler
    void on(ProjectConcluded e, @Timestamp Instant at, @SequenceNumber long sequence) {
        projects.concluded(e, at, sequence);
    }

    @ResetHandler
    void reset() {
        projects.deleteAll();
    }
}
