package org.duban.benchmark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.duban.api.actor.ActorMetaData;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills an existing (migrated, empty or not) Duban event store with generated issue histories:
 * {@code java -jar benchmark.jar <jdbc-url> [issues] [years] [seed]}. Events are serialized by
 * Axon's Jackson serializer with the product's mapper settings and written in record-time order,
 * as the product would have written them, so projections, the integrity chain and replays treat
 * them like any other history. Prints one line: issues, events, seconds, events/s.
 */
public final class DatasetGenerator {
    private static final int BATCH = 5_000;

    private DatasetGenerator() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 1) {
            System.err.println("usage: java -jar benchmark.jar <jdbc-url> [issues=100000] [years=2] [seed=42]");
            System.exit(2);
        }
        String url = args[0];
        int issues = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;

        Instant end = Instant.now().minus(Duration.ofHours(1));
        Duration span = Duration.ofDays(365L * years);
        SplittableRandom random = new SplittableRandom(seed);
        IssueLifecycle lifecycle = new IssueLifecycle(random);
        List<GeneratedEvent> events = new ArrayList<>(issues * 11);
        for (int i = 0; i < issues; i++) {
            Instant raisedAt = end.minus(span).plus(span.multipliedBy(i).dividedBy(issues));
            double ageDays = Duration.between(raisedAt, end).toDays();
            for (GeneratedEvent e : lifecycle.events(raisedAt, Math.min(1.0, ageDays / 90.0))) {
                if (!e.at().isAfter(end)) events.add(e);
            }
        }
        events.sort(Comparator.comparing(GeneratedEvent::at));

        long started = System.nanoTime();
        write(url, events);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("generated issues=%d events=%d seconds=%.1f events/s=%.0f%n",
                issues, events.size(), seconds, events.size() / seconds);
    }

    private static void write(String url, List<GeneratedEvent> events) throws SQLException {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, 'Issue', ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (GeneratedEvent e : events) {
                    SerializedObject<byte[]> payload = serializer.serialize(e.payload(), byte[].class);
                    SerializedObject<byte[]> metaData = serializer.serialize(metaData(e), byte[].class);
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, e.aggregateId());
                    insert.setLong(3, e.sequence());
                    insert.setString(4, DateTimeUtils.formatInstant(e.at()));
                    insert.setString(5, payload.getType().getName());
                    insert.setString(6, payload.getType().getRevision());
                    insert.setBytes(7, payload.getData());
                    insert.setBytes(8, metaData.getData());
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
    }

    private static MetaData metaData(GeneratedEvent e) {
        Map<String, Object> m = new HashMap<>();
        m.put(ActorMetaData.USER_ID, e.userId());
        m.put(ActorMetaData.ROLE, e.role());
        if (e.department() != null) m.put(ActorMetaData.DEPARTMENT, e.department());
        m.put(ActorMetaData.CORRELATION_ID, "bench-" + e.aggregateId());
        return MetaData.from(m);
    }
}
