package org.duban.query.bulletin;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.bulletin.BulletinDrafted;
import org.duban.api.bulletin.BulletinEntryAdded;
import org.duban.api.bulletin.BulletinPublished;
import org.duban.api.issue.IssueRaised;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps every bulletin with its entries, and the title of every issue so entries can name them.
 * Each bulletin row records the sequence it has reached; an event not newer changes nothing.
 */
@Component
@ProcessingGroup(BulletinViewProjection.GROUP)
class BulletinViewProjection {
    static final String GROUP = "bulletin-view";

    private final BulletinViewRepository bulletins;

    BulletinViewProjection(BulletinViewRepository bulletins) {
        this.bulletins = bulletins;
    }

    @EventHandler
    void on(IssueRaised event) {
        bulletins.issueTitled(event.issueId().value(), event.title());
    }

    @EventHandler
    void on(BulletinDrafted event, @Timestamp Instant at, @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        bulletins.drafted(event, at, userId);
    }

    @EventHandler
    void on(BulletinEntryAdded event, @SequenceNumber long sequence) {
        bulletins.entryAdded(event, sequence);
    }

    @EventHandler
    void on(BulletinPublished event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(ActorMetaData.USER_ID) String userId) {
        bulletins.published(event.bulletinId(), sequence, at, userId);
    }

    @ResetHandler
    void reset() {
        bulletins.deleteAll();
    }
}
