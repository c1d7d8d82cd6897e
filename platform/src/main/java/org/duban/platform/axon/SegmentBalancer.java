package org.duban.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private boolean failing;

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

    /** Four statements per tick whatever the number of processors: a single node idles cheaply. */
    void tick() {
        List<PooledStreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance).map(PooledStreamingEventProcessor.class::cast)
                .filter(PooledStreamingEventProcessor::isRunning).toList();
        if (running.isEmpty()) return;
        try {
            balance(running);
            failing = false;
        } catch (RuntimeException e) {
            // The database may be away; the processors themselves retry, and so do we next tick.
            // Said once per outage, not every tick.
            if (!failing) log.warn("segment balancing skipped until the next tick succeeds: {}", e.toString());
            failing = true;
        }
    }

    private void balance(List<PooledStreamingEventProcessor> processors) {
        String[] names = processors.stream().map(PooledStreamingEventProcessor::getName).toArray(String[]::new);
        double staleSeconds = interval.toMillis() * 3 / 1000.0;
        jdbc.update("""
                insert into processing_node (processor_name, node_id, seen_at)
                select name, ?, now() from unnest(?::text[]) as name
                on conflict (processor_name, node_id) do update set seen_at = excluded.seen_at""", nodeId, names);
        jdbc.update("delete from processing_node where seen_at < now() - make_interval(secs => ?)", staleSeconds * 10);
        Map<String, Integer> live = counts("""
                select processor_name, count(*) from processing_node
                where processor_name = any(?::text[]) and seen_at >= now() - make_interval(secs => ?) group by 1""",
                names, staleSeconds);
        Map<String, Integer> segments = counts(
                "select processor_name, count(*) from token_entry where processor_name = any(?::text[]) group by 1", (Object) names);
        for (PooledStreamingEventProcessor processor : processors) {
            int nodes = live.getOrDefault(processor.getName(), 1);
            int total = segments.getOrDefault(processor.getName(), 0);
            if (nodes < 2 || total == 0) continue;
            int fairShare = (total + nodes - 1) / nodes;
            Set<Integer> owned = processor.processingStatus().keySet();
            if (owned.size() > fairShare) {
                int segment = Collections.max(owned);
                log.info("{}: holding {} of {} segments with {} nodes alive; releasing segment {}",
                        processor.getName(), owned.size(), total, nodes, segment);
                processor.releaseSegment(segment);
            }
        }
    }

    private Map<String, Integer> counts(String sql, Object... args) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query(sql, (ResultSet rs) -> {
            counts.put(rs.getString(1), rs.getInt(2));
        }, args);
        return counts;
    }
}
