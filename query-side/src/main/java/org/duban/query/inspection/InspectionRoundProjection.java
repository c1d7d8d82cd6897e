package org.duban.query.inspection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.inspection.FindingRecorded;
import org.duban.api.inspection.RoundClosed;
import org.duban.api.inspection.RoundPlanned;
import org.duban.api.issue.EffectivenessConfirmed;
import org.duban.api.issue.IssueAcknowledged;
import org.duban.api.issue.IssueClosed;
import org.duban.api.issue.IssueMerged;
import org.duban.api.issue.IssueRaised;
import org.duban.api.issue.IssueReopened;
import org.duban.api.issue.IssueReturned;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.IssueWithdrawn;
import org.duban.api.issue.OwnerAssigned;
import org.duban.api.issue.RectificationRejected;
import org.duban.api.issue.RectificationSubmitted;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Inspection rounds with their findings, and how far each finding's issue has come. Issue events
 * change only issues raised by a finding; every write is guarded by the event's sequence, so a
 * replay or a redelivery changes nothing.
 */
@Component
@ProcessingGroup(InspectionRoundProjection.GROUP)
class InspectionRoundProjection {
    static final String GROUP = "inspection-view";

    private final InspectionRoundRepository rounds;

    InspectionRoundProjection(InspectionRoundRepository rounds) {
        this.rounds = rounds;
    }

    @EventHandler
    void on(RoundPlanned e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        rounds.planned(e, sequence, at, userId);
    }

    @EventHandler
    void on(FindingRecorded e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        rounds.findingRecorded(e, sequence, at, userId);
    }

    @EventHandler
    void on(RoundClosed e, @SequenceNumber long sequence) {
        rounds.closed(e.roundId(), sequence);
    }

    @EventHandler
    void on(IssueRaised e, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (e.inspectionRoundId() != null) rounds.issueRaised(e, sequence, at);
    }

    @EventHandler
    void on(OwnerAssigned e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueOwner(e.issueId().value(), e.department().value(), IssueStatus.ASSIGNED, sequence, at);
    }

    @EventHandler
    void on(IssueReturned e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueOwner(e.issueId().value(), null, IssueStatus.REGISTERED, sequence, at);
    }

    @EventHandler
    void on(IssueAcknowledged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.IN_PROGRESS, sequence, at);
    }

    @EventHandler
    void on(RectificationSubmitted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.PENDING_VERIFICATION, sequence, at);
    }

    @EventHandler
    void on(RectificationRejected e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.IN_PROGRESS, sequence, at);
    }

    @EventHandler
    void on(IssueClosed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.CLOSED, sequence, at);
    }

    @EventHandler
    void on(EffectivenessConfirmed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.EFFECTIVE, sequence, at);
    }

    @EventHandler
    void on(IssueReopened e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.REOPENED, sequence, at);
    }

    @EventHandler
    void on(IssueWithdrawn e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.WITHDRAWN, sequence, at);
    }

    /** A merged duplicate ends as withdrawn, as on the issue page; the issue it went into is not a finding's. */
    @EventHandler
    void on(IssueMerged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        rounds.issueStatus(e.issueId().value(), IssueStatus.WITHDRAWN, sequence, at);
    }

    @ResetHandler
    void reset() {
        rounds.deleteAll();
    }
}
