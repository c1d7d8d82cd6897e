package org.duban.standalone.support;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.duban.standalone.StandaloneApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Base of the HTTP scenario tests: the standalone app on a random port over real PostgreSQL
 * (embedded, or DUBAN_TEST_PG_URL's server), demo users on, demo data off. Subclasses share one
 * application context and one database, so each test creates the issues it talks about.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ScenarioTest {
    /**
     * Counts the events people's requests appended. Background processes (deadline clock,
     * recurrence watch, bulletin and inspection processes: user ids "system:…") append on their
     * own schedule for other tests' issues, so "nothing was appended" leaves them out.
     */
    public static final String EVENTS_PEOPLE_APPENDED = """
            select count(*) from domain_event_entry
            where coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'userId', '') not like 'system:%'""";

    private static final String DATABASE = TestDatabase.newDatabase();
    /**
     * Run by {@code ./duban test-axonserver}: the scenarios on Axon Server (DUBAN_TEST_AXONSERVER)
     * instead of the JDBC event store, with the settings of profile axonserver (duban-axonserver.yml).
     */
    public static final boolean ON_AXON_SERVER = Boolean.getBoolean("duban.test.scenarios-on-axonserver");

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected EventStore eventStore;
    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("duban.embedded-postgres.enabled", () -> "false");
        registry.add("duban.demo.enabled", () -> "true");
        registry.add("duban.demo.seed-data", () -> "false");
        // Many scenarios raise PHARMACY/MEDICAL_SERVICE issues in one database: the recurrence watch
        // would flag them all (asynchronously, shifting versions). RecurrenceScenarioTest covers it.
        registry.add("duban.recurrence.look-back-days", () -> "0");
        if (ON_AXON_SERVER) {
            String server = System.getenv("DUBAN_TEST_AXONSERVER");
            if (server == null || server.isBlank()) {
                throw new IllegalStateException("duban.test.scenarios-on-axonserver needs DUBAN_TEST_AXONSERVER (host:grpc-port)");
            }
            registry.add("axon.axonserver.enabled", () -> "true");
            registry.add("axon.axonserver.servers", () -> server);
            registry.add("duban.event-store", () -> "axonserver");
            registry.add("duban.integrity.enabled", () -> "false");
        }
    }

    @BeforeEach
    void client() {
        api = new Api("http://localhost:" + port);
    }

    /** Raises a hotline issue as the inspector and returns its id. */
    protected String raise(String title) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "测试描述",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
        if (r.status() != 201) throw new IllegalStateException("raise failed: " + r);
        return r.json().get("id").asText();
    }

    /** Sends a command and insists it was accepted; returns the version it answered. */
    protected long accepted(Api.Response r) {
        if (r.status() != 200) throw new AssertionError("expected 200, got " + r);
        return r.json().get("version").asLong();
    }

    protected long eventCount(String issueId) {
        if (ON_AXON_SERVER) return eventStore.readEvents(issueId).asStream().count();
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, issueId);
        return n == null ? 0 : n;
    }

    /** How many events people's requests appended so far ({@link #EVENTS_PEOPLE_APPENDED}), in either event store. */
    protected long peopleAppended() {
        if (!ON_AXON_SERVER) {
            Long n = jdbc.queryForObject(EVENTS_PEOPLE_APPENDED, Long.class);
            return n == null ? 0 : n;
        }
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        long people = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            long position = -1;
            while (position < last) {
                if (!stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Axon Server streamed up to " + position + " of " + last);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = event.trackingToken().position().orElse(position);
                Object user = event.getMetaData().get("userId");
                if (user == null || !user.toString().startsWith("system:")) people++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return people;
    }
}
