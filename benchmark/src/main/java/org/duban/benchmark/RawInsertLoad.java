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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The raw limit of the database for Axon's write shape: N threads, each on its own connection,
 * insert one event row per transaction (autocommit, as a command appends its event) into a scratch
 * copy of {@code domain_event_entry} (same columns, identity, unique constraints and indexes), for a
 * fixed time. Payloads are the generator's real events serialized as the product does, so row sizes
 * match. {@code java -cp benchmark.jar org.duban.benchmark.RawInsertLoad <jdbc-url> <seconds> <threads...>}
 * prints one line per thread count: {@code raw threads=.. rows=.. rows/s=.. p50ms=.. p99ms=.. errors=..}.
 */
public final class RawInsertLoad {
    private RawInsertLoad() {
    }

    record Row(String payloadType, String revision, byte[] payload, byte[] metaData) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: RawInsertLoad <jdbc-url> <seconds> <threads...>");
            System.exit(2);
        }
        String url = args[0];
        int seconds = Integer.parseInt(args[1]);
        List<Row> rows = sampleRows();
        for (int i = 2; i < args.length; i++) {
            int threads = Integer.parseInt(args[i]);
            resetTable(url);
            run(url, rows, threads, Math.min(5, seconds), false);
            resetTable(url);
            run(url, rows, threads, seconds, true);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_event");
        }
    }

    /** Events of 300 generated issues (every lifecycle stage), serialized like the product's. */
    static List<Row> sampleRows() {
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
        IssueLifecycle lifecycle = new IssueLifecycle(new SplittableRandom(7));
        Instant raised = Instant.now().minus(Duration.ofDays(200));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            for (GeneratedEvent e : lifecycle.events(raised.plus(Duration.ofMinutes(i)), 1.0)) {
                SerializedObject<byte[]> p = serializer.serialize(e.payload(), byte[].class);
                Map<String, Object> m = new HashMap<>();
                m.put(ActorMetaData.USER_ID, e.userId());
                m.put(ActorMetaData.ROLE, e.role());
                if (e.department() != null) m.put(ActorMetaData.DEPARTMENT, e.department());
                m.put(ActorMetaData.CORRELATION_ID, UUID.randomUUID().toString());
                m.put("traceId", UUID.randomUUID().toString());
                rows.add(new Row(p.getType().getName(), p.getType().getRevision(), p.getData(),
                        serializer.serialize(MetaData.from(m), byte[].class).getData()));
            }
        }
        return rows;
    }

    private static void resetTable(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_raw_event");
            // LIKE … INCLUDING ALL: identity (own sequence), not-null, unique constraints, indexes.
            s.execute("create table bench_raw_event (like domain_event_entry including all)");
            s.execute("checkpoint");
        }
    }

    private static void run(String url, List<Row> rows, int threads, int seconds, boolean print) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Latencies latencies = new Latencies();
        long[] errors = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 37;
            workers.add(Thread.ofPlatform().start(() -> {
                String aggregate = UUID.randomUUID().toString();
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement insert = c.prepareStatement("""
                             insert into bench_raw_event (event_identifier, aggregate_identifier, sequence_number,
                                 type, time_stamp, payload_type, payload_revision, payload, meta_data)
                             values (?, ?, ?, 'Issue', ?, ?, ?, ?, ?)""")) {
                    c.setAutoCommit(true);
                    long seq = 0;
                    while (!stop.get()) {
                        Row r = rows.get((int) ((offset + seq) % rows.size()));
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, seq++);
                        insert.setString(4, DateTimeUtils.formatInstant(Instant.now()));
                        insert.setString(5, r.payloadType());
                        insert.setString(6, r.revision());
                        insert.setBytes(7, r.payload());
                        insert.setBytes(8, r.metaData());
                        long t0 = System.nanoTime();
                        try {
                            insert.executeUpdate();
                            latencies.add(System.nanoTime() - t0);
                        } catch (SQLException e) {
                            synchronized (errors) { errors[0]++; }
                        }
                    }
                } catch (SQLException e) {
                    synchronized (errors) { errors[0]++; }
                    System.err.println("raw worker: " + e.getMessage());
                }
            }));
        }
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) w.join();
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (print) {
            System.out.printf("raw threads=%d rows=%d rows/s=%.0f p50ms=%.2f p99ms=%.2f errors=%d payloadBytes=%d%n",
                    threads, latencies.count(), latencies.count() / elapsed, latencies.percentileMillis(50),
                    latencies.percentileMillis(99), errors[0],
                    rows.stream().mapToInt(r -> r.payload().length + r.metaData().length).sum() / rows.size());
        }
    }
}
