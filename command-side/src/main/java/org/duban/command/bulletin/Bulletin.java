package org.duban.command.bulletin;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.bulletin.AddBulletinEntry;
import org.duban.api.bulletin.BulletinDrafted;
import org.duban.api.bulletin.BulletinEntry;
import org.duban.api.bulletin.BulletinEntryAdded;
import org.duban.api.bulletin.BulletinPublished;
import org.duban.api.bulletin.DraftBulletin;
import org.duban.api.bulletin.PublishBulletin;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bulletin (通报, DOMAIN.md): drafted for a period, it collects entries commending or
 * criticising issues, each issue at most once; publishing needs at least one entry and makes it
 * immutable. That the named issue exists is checked before the command is sent (the event
 * store knows, this aggregate does not). Handlers answer the bulletin's version.
 */
@Aggregate
class Bulletin {
    @AggregateIdentifier
    private String bulletinId;
    private String title;
    private String period;
    private final List<BulletinEntry> entries = new ArrayList<>();
    private boolean published;

    Bulletin() {
        // for event sourcing
    }

    @CommandHandler
    Bulletin(DraftBulletin cmd) {
        if (cmd.title() == null || cmd.title().isBlank()) throw BulletinRefusals.titleMissing();
        BulletinRefusals.requirePeriod(cmd.period());
        apply(new BulletinDrafted(cmd.bulletinId(), cmd.title().strip(), cmd.period()));
    }

    @CommandHandler
    long handle(AddBulletinEntry cmd) {
        if (published) throw BulletinRefusals.alreadyPublished(bulletinId);
        if (cmd.issueId() == null) throw BulletinRefusals.issueMissing();
        if (cmd.kind() == null) throw BulletinRefusals.kindMissing();
        if (cmd.text() == null || cmd.text().isBlank()) throw BulletinRefusals.textMissing();
        if (entries.stream().anyMatch(e -> e.issueId().equals(cmd.issueId()))) {
            throw BulletinRefusals.issueAlreadyNamed(cmd.issueId());
        }
        apply(new BulletinEntryAdded(bulletinId, cmd.entryId(), cmd.issueId(), cmd.kind(), cmd.department(), cmd.text().strip()));
        return version();
    }

    @CommandHandler
    long handle(PublishBulletin cmd) {
        if (published) throw BulletinRefusals.alreadyPublished(bulletinId);
        if (entries.isEmpty()) throw BulletinRefusals.nothingToPublish(bulletinId);
        apply(new BulletinPublished(bulletinId, title, period, entries));
        return version();
    }

    @EventSourcingHandler
    void on(BulletinDrafted e) {
        bulletinId = e.bulletinId();
        title = e.title();
        period = e.period();
    }

    @EventSourcingHandler
    void on(BulletinEntryAdded e) {
        entries.add(new BulletinEntry(e.entryId(), e.issueId(), e.kind(), e.department(), e.text()));
    }

    @EventSourcingHandler
    void on(BulletinPublished e) {
        published = true;
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
