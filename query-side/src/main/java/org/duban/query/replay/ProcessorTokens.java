package org.duban.query.replay;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.common.DateTimeUtils;
import org.duban.api.projection.SegmentPosition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The processors' rows in Axon's token store (token_entry), read for positions and written at
 * the switch. Written directly in SQL (not through TokenStore.storeToken) because the switch must
 * overwrite segments another node may hold a claim on.
 */
@Component
class ProcessorTokens {
    /**
     * The owner name JdbcTokenStore uses for this JVM by default. The switch hands every segment
     * to this node: another node's storeToken then fails (a claim held by someone else and not
     * yet expired), so its stale in-memory position can never overwrite the replay's, while this
     * node's restarted processor may claim them at once.
     */
    static final String THIS_NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final int segments;

    ProcessorTokens(JdbcTemplate jdbc, Serializer serializer, @Value("${duban.processing.segments}") int segments) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.segments = segments;
    }

    /** Every processor's segments, by processor name. */
    Map<String, List<SegmentPosition>> all() {
        return jdbc.query("select processor_name, segment, token, token_type, owner from token_entry order by processor_name, segment",
                        (rs, i) -> Map.entry(rs.getString(1), new SegmentPosition(rs.getInt(2),
                                position(rs.getBytes(3), rs.getString(4)), rs.getString(5))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Locks the processor's rows until the caller's transaction ends; other nodes' token updates wait. */
    void lock(String processor) {
        jdbc.queryForList("select segment from token_entry where processor_name = ? for update", Integer.class, processor);
    }

    /**
     * Sets every segment of {@code processor} to {@code token} (the replay's last position: each
     * segment continues from there), claimed by this node; creates the segments if the processor
     * never stored any.
     */
    void moveAllSegmentsTo(String processor, TrackingToken token) {
        byte[] data = null;
        String type = null;
        if (token != null) {
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            data = serialized.getData();
            type = serialized.getType().getName();
        }
        String now = DateTimeUtils.formatInstant(Instant.now());
        int updated = jdbc.update("update token_entry set token = ?, token_type = ?, owner = ?, timestamp = ? where processor_name = ?",
                data, type, THIS_NODE, now, processor);
        if (updated == 0) {
            for (int segment = 0; segment < segments; segment++) {
                jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp, owner) values (?, ?, ?, ?, ?, ?)",
                        processor, segment, data, type, now, THIS_NODE);
            }
        }
    }

    private Long position(byte[] token, String type) {
        if (token == null || type == null) return null;
        TrackingToken t = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return t == null || t.position().isEmpty() ? null : t.position().getAsLong();
    }
}
