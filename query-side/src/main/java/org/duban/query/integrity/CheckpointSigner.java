package org.duban.query.integrity;

import org.duban.api.integrity.CanonicalEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Signs the chain head into {@code event_checkpoint} every {@code duban.integrity.checkpoint-interval}
 * (1 min by default) when it has moved since the last checkpoint. Runs under the chain writer's
 * advisory lock ({@link EventChainMaintainer#LOCK}), so one node signs a head no one is extending.
 */
@Component
public class CheckpointSigner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CheckpointKeys keys;
    private final Clock clock;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService scheduler;

    CheckpointSigner(JdbcTemplate jdbc, PlatformTransactionManager transactions, CheckpointKeys keys,
                     ObjectProvider<Clock> clock,
                     @Value("${duban.integrity.checkpoint-interval:1m}") Duration interval,
                     @Value("${duban.integrity.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.keys = keys;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.interval = interval;
        this.enabled = enabled;
    }

    /** Signs the current chain head if no checkpoint covers it yet; true when one was written. */
    public boolean checkpointNow() {
        Boolean written = transaction.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", EventChainMaintainer.LOCK);
            List<Object[]> heads = jdbc.query("select global_index, hash from event_chain order by global_index desc limit 1",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getBytes(2)});
            if (heads.isEmpty()) return false;
            long index = (Long) heads.getFirst()[0];
            byte[] hash = (byte[]) heads.getFirst()[1];
            Long lastSigned = jdbc.queryForObject("select max(global_index) from event_checkpoint", Long.class);
            if (lastSigned != null && lastSigned >= index) return false;
            // timestamptz keeps microseconds; milliseconds survive the round trip and Instant.toString unchanged.
            Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            byte[] signature = keys.sign(CheckpointKeys.message(index, CanonicalEvent.hex(hash), signedAt));
            jdbc.update("insert into event_checkpoint (global_index, head_hash, signed_at, signature, key_id) values (?, ?, ?, ?, ?)",
                    index, hash, Timestamp.from(signedAt), signature, keys.keyId());
            return true;
        });
        return Boolean.TRUE.equals(written);
    }

    private void poll() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            log.warn("Signing a chain checkpoint failed, will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) return;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("duban-integrity-checkpoint")
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
}
