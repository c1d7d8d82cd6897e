package org.duban.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares each pooled processor's segments fairly between the nodes that run it. Axon's JDBC
 * token store does no balancing: the first node claims every segment, and a node started later
 * idles until the first one dies. Every tick this node records that it is alive for each of its
 * processors and, when it holds more than {@code ceil(segments / live nodes)}, releases one
 * segment (Axon keeps it from re-claiming it for twice the claim interval) so a peer takes it.
 * A killed node stops its heartbeat; its claims time out and the survivors claim everything.
 * The node id is the one Axon's token store writes as owner, so the two can be compared.
 */
public class SegmentBalancer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private ScheduledExecutorService scheduler;

    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "segment-balancer");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) return;
        scheduler.shutdownNow();
        scheduler = null;
        try {
            // Leave at once, so peers need not wait for the heartbeat to go stale.
            jdbc.update("delete from processing_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("could not remove heartbeat of {}: {}", nodeId, e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Before the processors stop (they stop in phase Integer.MAX_VALUE / 2 and later). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    void tick() {
        long staleMillis = interval.toMillis() * 3;
        for (var processor : processing.eventProcessors().values()) {
            if (!(processor instanceof PooledStreamingEventProcessor pooled) || !pooled.isRunning()) continue;
            try {
                balance(pooled, staleMillis);
            } catch (RuntimeException e) {
                // The database may be away; the processors themselves retry, and so do we next tick.
                log.debug("segment balancing of {} skipped: {}", pooled.getName(), e.toString());
            }
        }
    }

    private void balance(PooledStreamingEventProcessor processor, long staleMillis) {
        String name = processor.getName();
        jdbc.update("""
                insert into processing_node (processor_name, node_id, seen_at) values (?, ?, now())
                on conflict (processor_name, node_id) do update set seen_at = excluded.seen_at""", name, nodeId);
        jdbc.update("delete from processing_node where processor_name = ? and seen_at < now() - make_interval(secs => ?)",
                name, staleMillis * 10 / 1000.0);
        Integer live = jdbc.queryForObject("""
                select count(*) from processing_node
                where processor_name = ? and seen_at >= now() - make_interval(secs => ?)""",
                Integer.class, name, staleMillis / 1000.0);
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, name);
        if (live == null || live < 2 || segments == null) return;
        int fairShare = (segments + live - 1) / live;
        var owned = processor.processingStatus().keySet();
        if (owned.size() > fairShare) {
            int segment = Collections.max(owned);
            log.info("{}: holding {} of {} segments with {} nodes alive; releasing segment {}",
                    name, owned.size(), segments, live, segment);
            processor.releaseSegment(segment);
        }
    }
}
