package org.duban.standalone.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.duban.standalone.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults under load, each node its own JVM: kill -9 of a command node, a PostgreSQL restart, and
 * a database that refuses writes. Every command that was answered 2xx must be in the event store,
 * read models must converge with no event applied twice, and while the database is away or
 * refusing, commands and queries answer 503 problem+json (never 500). The database is a
 * PostgreSQL server of this test's own (embedded, fixed port and data directory), because the
 * test stops and restarts it; DUBAN_TEST_PG_URL is not used here.
 */
@Tag("nodes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {
    private static final Duration CONVERGE_BOUND = Duration.ofSeconds(90);
    private static final String DATABASE = "duban_faults";
    /** A request waits at most this long for a connection, so an away database answers 503 quickly. */
    private static final String CONNECTION_TIMEOUT = "--spring.datasource.hikari.connection-timeout=2000";

    private Path dataDirectory;
    private int postgresPort;
    private EmbeddedPostgres postgres;
    private Cluster cluster;
    private Node command1;
    private Node command2;
    private Node query;
    private List<String> issues;

    @BeforeAll
    void start() throws IOException {
        dataDirectory = Files.createTempDirectory("duban-faults-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            postgresPort = socket.getLocalPort();
        }
        startPostgres();
        adminJdbc().execute("create database " + DATABASE);
        cluster = new Cluster("jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE);
        command1 = cluster.command("faults-command-1", CONNECTION_TIMEOUT);
        command2 = cluster.command("faults-command-2", CONNECTION_TIMEOUT);
        query = cluster.query("faults-query", CONNECTION_TIMEOUT);
        cluster.startAll();
        issues = List.of(
                Cluster.inProgress(command1.api(), "故障一", "MEDICAL_SERVICE"),
                Cluster.inProgress(command2.api(), "故障二", "MEDICAL_STAFF"),
                Cluster.inProgress(command1.api(), "故障三", "FACILITIES_LOGISTICS"));
    }

    @AfterAll
    void stop() throws IOException {
        if (cluster != null) cluster.close();
        if (postgres != null) postgres.close();
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    @Test
    @Order(1)
    void a_command_node_killed_with_minus_9_under_load_loses_no_accepted_command() {
        Load load = new Load(issues, List.of(command1, command2)).start();
        try {
            load.awaitMoreAccepted(20, command1, CONVERGE_BOUND);
            command1.kill();
            load.awaitMoreAccepted(20, command2, CONVERGE_BOUND);
            command1.start().awaitUp(Cluster.START_BOUND);
            load.awaitMoreAccepted(20, command1, CONVERGE_BOUND);
        } finally {
            load.stop();
        }
        System.out.printf("kill -9 of a command node: %d accepted, others %s%n", load.accepted().size(), load.others());
        assertEveryAcceptedCommandStored(load);
        // Only the dead node's refused connections and racing writes may fail; nothing answers 500.
        assertThat(load.others().keySet()).allMatch(k -> k.equals("no answer") || k.equals("409 CONCURRENT_MODIFICATION"));
        assertReadModelsConverge();
    }

    @Test
    @Order(2)
    void a_postgres_restart_answers_503_meanwhile_and_loses_nothing_accepted() throws IOException {
        Load load = new Load(issues, List.of(command1, command2)).start();
        boolean down = false;
        try {
            load.awaitMoreAccepted(20, null, CONVERGE_BOUND);
            postgres.close();
            down = true;

            assertServiceUnavailable(Cluster.reportProgress(command2.api(), issues.get(0), 50));
            assertServiceUnavailable(Cluster.reportProgress(command1.api(), issues.get(1), 50));
            assertServiceUnavailable(query.api().as("inspector").get("/api/issues/" + issues.get(0)));
            assertServiceUnavailable(query.api().as("inspector").get("/api/issues?status=IN_PROGRESS"));

            startPostgres();
            down = false;
            load.awaitMoreAccepted(20, command1, CONVERGE_BOUND);
            load.awaitMoreAccepted(1, command2, CONVERGE_BOUND);
        } finally {
            load.stop();
            if (down) startPostgres();
        }
        System.out.printf("PostgreSQL restart: %d accepted, others %s%n", load.accepted().size(), load.others());
        assertEveryAcceptedCommandStored(load);
        assertThat(load.others().keySet()).allMatch(k -> k.equals("503 SERVICE_UNAVAILABLE") || k.equals("409 CONCURRENT_MODIFICATION"));
        assertReadModelsConverge();
    }

    @Test
    @Order(3)
    void a_database_that_refuses_writes_answers_503_and_stores_nothing() {
        String id = issues.get(1);
        long before = eventCount(id);
        // The nearest cheap stand-in for a full disk: the server refuses every write. It applies to
        // new sessions, so the nodes' pooled connections are cut and they reconnect.
        adminJdbc().execute("alter database " + DATABASE + " set default_transaction_read_only = on");
        terminateSessions();
        try {
            // The first requests may still meet a connection cut by the termination (503 as well).
            cluster.await("a write refused as refused, not as away", CONVERGE_BOUND, () -> {
                Api.Response r = Cluster.reportProgress(command1.api(), id, 70);
                assertServiceUnavailable(r);
                return r.json().get("detail").asText().contains("refusing changes");
            }, () -> "");
            assertServiceUnavailable(Cluster.reportProgress(command2.api(), id, 71));
            assertServiceUnavailable(command2.api().as("inspector").post("/api/issues", Map.of("title", "只读", "description", "d",
                    "source", "HOTLINE", "category", "OTHER")));
            assertThat(Cluster.reportProgress(command2.api(), id, 71).json().get("detail").asText()).contains("refusing changes");
            // Reads still work: the query side only reads for an answer.
            cluster.await("a read answered on the read-only database", CONVERGE_BOUND,
                    () -> query.api().as("inspector").get("/api/issues/" + id).status() == 200,
                    () -> query.api().as("inspector").get("/api/issues/" + id));
        } finally {
            adminJdbc().execute("alter database " + DATABASE + " reset default_transaction_read_only");
            terminateSessions();
        }
        assertThat(eventCount(id)).isEqualTo(before);
        cluster.await("writes accepted again", CONVERGE_BOUND,
                () -> Cluster.reportProgress(command1.api(), id, 72).status() == 200, () -> eventCount(id));
        assertReadModelsConverge();
    }

    private static void assertServiceUnavailable(Api.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(503);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.code()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(r.json().get("detail").asText()).contains("database");
    }

    private void assertEveryAcceptedCommandStored(Load load) {
        JdbcTemplate jdbc = cluster.jdbc();
        Set<String> answered = new HashSet<>();
        for (Load.Accepted a : load.accepted()) {
            assertThat(answered.add(a.issueId() + "#" + a.version())).as("version answered twice: %s", a).isTrue();
            Integer stored = jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where aggregate_identifier = ? and sequence_number = ? and payload_type like '%.ProgressReported'""",
                    Integer.class, a.issueId(), a.version());
            assertThat(stored).as("accepted but not stored: %s", a).isEqualTo(1);
        }
    }

    /** Per issue: the ledger at the last stored version, one history row per event, each report once. */
    private void assertReadModelsConverge() {
        JdbcTemplate jdbc = cluster.jdbc();
        for (String id : issues) {
            long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
            long events = eventCount(id);
            long reports = jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%.ProgressReported'""", Long.class, id);
            cluster.await("the views of " + id + " at version " + last, CONVERGE_BOUND, () -> {
                Api.Response r = query.api().as("inspector").get("/api/issues/" + id + "?minVersion=" + last);
                return r.status() == 200 && r.json().get("version").asLong() == last;
            }, () -> query.api().as("inspector").get("/api/issues/" + id));
            JsonNode detail = query.api().as("inspector").get("/api/issues/" + id).json();
            // The ledger appends each report to the issue's document: applied twice, it would list it twice.
            assertThat(detail.get("progress")).hasSize((int) reports);
            cluster.await("the history of " + id + " with all " + events + " events", CONVERGE_BOUND,
                    () -> jdbc.queryForObject("select count(*) from issue_history where issue_id = ?", Long.class, id) == events,
                    () -> jdbc.queryForList("select sequence from issue_history where issue_id = ?", Long.class, id));
            List<Long> sequences = jdbc.queryForList("select sequence from issue_history where issue_id = ? order by sequence", Long.class, id);
            assertThat(sequences.stream().collect(Collectors.toSet())).hasSize(sequences.size());
            assertThat(sequences.getLast()).isEqualTo(last);
        }
    }

    private long eventCount(String id) {
        return cluster.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
    }

    private void terminateSessions() {
        adminJdbc().queryForList("select pg_terminate_backend(pid) from pg_stat_activity where datname = ?", Boolean.class, DATABASE);
    }

    private JdbcTemplate adminJdbc() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://localhost:" + postgresPort + "/postgres", "postgres", ""));
    }

    /** Starts, or restarts on the same port and data, this test's own PostgreSQL server. */
    private void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setServerConfig("max_connections", "200")
                .start();
    }
}
