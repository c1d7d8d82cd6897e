package org.duban.query.integrity;

import org.duban.api.integrity.CanonicalEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Appends to {@code event_chain} the hash of every new row of {@code domain_event_entry}, in
 * global order (ARCHITECTURE.md "Integrity", {@link CanonicalEvent}).
 *
 * <p>Not an Axon event handler: it must hash the row bytes exactly as stored, and Axon hands
 * handlers deserialized messages. Instead a loop (every {@code duban.integrity.interval}, 1 s by
 * default) runs one transaction that first takes {@code pg_advisory_xact_lock(LOCK)}: whichever
 * node holds it is the single writer; another node waits, then continues from the head the first
 * one committed.
 *
 * <p>Gaps. Axon's global index comes from a sequence, so it has holes: a value taken by a
 * transaction that rolled back never appears, and a value taken by a transaction still in flight
 * appears later, below rows already visible. A row is chained only when every lower index is
 * either chained or has been seen missing for at least {@code duban.integrity.gap-grace} (10 s by
 * default) by this node: an event-store transaction commits within that time, so after it a
 * committed row never appears below an already-chained index, and the hole is skipped for good
 * (the chain simply has no entry there). All holes of one batch start their grace together, so a
 * store with many old holes is chained after one grace period, not one per hole. Should a row
 * nevertheless appear below the head later, verification reports it as an extra row.
 */
@Component
public class EventChainMaintainer implements SmartLifecycle {
    /** The advisory lock key of the chain writer ("DUBANCHN"). */
    static final long LOCK = 0x4455_4241_4E43_484EL;
    private static final Logger log = LoggerFactory.getLogger(EventChainMaintainer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration interval;
    private final Duration gapGrace;
    private final int batchSize;
    private final boolean enabled;
    /** Row index following a hole → when this node first saw the hole (System.nanoTime). */
    private final Map<Long, Long> holesSeen = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    EventChainMaintainer(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                         @Value("${duban.integrity.interval:1s}") Duration interval,
                         @Value("${duban.integrity.gap-grace:10s}") Duration gapGrace,
                         @Value("${duban.integrity.batch-size:1000}") int batchSize,
                         @Value("${duban.integrity.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.interval = interval;
        this.gapGrace = gapGrace;
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    /** Chains what can be chained now, batch after batch; returns how many rows were chained. */
    public int chainAvailable() {
        int total = 0;
        int chained;
        do {
            Integer n = transaction.execute(status -> chainBatch());
            chained = n == null ? 0 : n;
            total += chained;
        } while (chained == batchSize);
        return total;
    }

    private int chainBatch() {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK);
        List<Head> heads = jdbc.query("select global_index, hash from event_chain order by global_index desc limit 1",
                (rs, i) -> new Head(rs.getLong(1), rs.getBytes(2)));
        long last = heads.isEmpty() ? 0 : heads.getFirst().index();
        byte[] previous = heads.isEmpty() ? CanonicalEvent.GENESIS : heads.getFirst().hash();
        holesSeen.keySet().removeIf(index -> index <= last);
        List<Link> links = new ArrayList<>();
        long now = System.nanoTime();
        long expected = last + 1;
        boolean blocked = false;
        // Reads the whole batch even past a young hole, so every hole in it starts its grace now.
        for (Row row : jdbc.query("select " + StoredEventRow.COLUMNS + " from domain_event_entry where global_index > ? "
                + "order by global_index limit ?", (rs, i) -> new Row(rs.getLong("global_index"),
                rs.getString("event_identifier"), StoredEventRow.canonical(rs)), last, batchSize)) {
            if (row.index() != expected) {
                long seen = holesSeen.computeIfAbsent(row.index(), k -> now);
                if (now - seen < gapGrace.toNanos()) blocked = true;
            }
            expected = row.index() + 1;
            if (blocked) continue;
            previous = CanonicalEvent.link(previous, row.canonical());
            links.add(new Link(row.index(), row.identifier(), previous));
        }
        if (!links.isEmpty()) {
            jdbc.batchUpdate("insert into event_chain (global_index, event_identifier, hash) values (?, ?, ?)",
                    links, links.size(), (ps, link) -> {
                        ps.setLong(1, link.index());
                        ps.setString(2, link.identifier());
                        ps.setBytes(3, link.hash());
                    });
        }
        return blocked ? Math.min(links.size(), batchSize - 1) : links.size();
    }

    private void poll() {
        try {
            chainAvailable();
        } catch (RuntimeException e) {
            log.warn("Extending the integrity chain failed, will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("duban-integrity-chain")
                .daemon().factory());
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) return;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) scheduler.shutdownNow();
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private record Head(long index, byte[] hash) {
    }

    private record Row(long index, String identifier, byte[] canonical) {
    }

    private record Link(long index, String identifier, byte[] hash) {
    }
}
