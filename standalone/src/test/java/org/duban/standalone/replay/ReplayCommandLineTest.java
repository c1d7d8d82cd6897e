package org.duban.standalone.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line replay ({@code --duban.replay=<group>}, what {@code ./duban replay} runs) on its
 * own database: it rebuilds the ledger to the same rows, prints progress and events/s, and exits
 * 0; an unknown group exits 2 with the list of replayable ones. The store is padded to
 * {@code duban.replay.bench-events} events (2,000 by default; 20,000 to measure, see the
 * report) by cloning real issues' events under new ids.
 */
class ReplayCommandLineTest {
    private static final Pattern DONE = Pattern.compile("replay issue-ledger done: (\\d+) events .* ([0-9]+) events/s");

    @Test
    void replays_the_ledger_from_the_command_line_and_refuses_an_unknown_group() {
        int target = Integer.getInteger("duban.replay.bench-events", 2_000);
        String database = TestDatabase.newDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", ""));
        try (ConfigurableApplicationContext app = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class), database,
                Clock.systemUTC())) {
            Api api = Apps.api(app);
            for (int i = 0; i < 10; i++) {
                String id = raise(api, "命令行重放 " + i);
                version(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
                version(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
                version(api.as("pharmacy").post("/api/issues/" + id + "/progress-reports", Map.of("summary", "进展 " + i, "percent", 10 * i)));
                if (i % 2 == 0) version(api.as("committee").post("/api/issues/" + id + "/reviews", Map.of("comment", "点评")));
            }
            long real = count(jdbc, "select count(*) from domain_event_entry");
            long rounds = Math.max(0, (target - real + real - 1) / real); // enough to reach the target
            // Each round: every issue's events again under a new issue id (same payloads otherwise). The
            // issues are taken from the event store, not the ledger, which may not have caught up yet.
            jdbc.update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                        payload_type, payload_revision, payload, meta_data)
                    select gen_random_uuid()::text, c.id, e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision,
                        convert_to(replace(convert_from(e.payload, 'UTF8'), e.aggregate_identifier, c.id), 'UTF8'), e.meta_data
                    from domain_event_entry e
                    cross join lateral (select n, md5(e.aggregate_identifier || ':' || n)::uuid::text as id from generate_series(1, ?) n) c
                    where e.aggregate_identifier in (select aggregate_identifier from domain_event_entry
                                                     where payload_type = 'org.duban.api.issue.IssueRaised')
                    order by c.n, e.aggregate_identifier, e.sequence_number""", rounds);
            // Processors on the command side append events of their own while they catch up (the
            // recurrence watch flags the clones as repeats of each other), so wait until the head stays put.
            long head;
            do {
                head = count(jdbc, "select max(global_index) from domain_event_entry");
                awaitCaughtUp(api, head);
            } while (count(jdbc, "select max(global_index) from domain_event_entry") != head);
        }
        long events = count(jdbc, "select count(*) from domain_event_entry");
        long issues = count(jdbc, "select count(*) from issue_ledger");
        assertThat(issues).isGreaterThan(10);
        jdbc.execute("create table expected_ledger as select * from issue_ledger");
        // The rebuilt rows must not merely be copied back: empty the live table first.
        jdbc.update("delete from issue_ledger where issue_id in (select issue_id from issue_ledger limit 5)");

        Run done = cli(database, "issue-ledger");
        System.out.println(done.out);
        assertThat(done.exitCode).as(done.err).isZero();
        Matcher m = DONE.matcher(done.out);
        assertThat(m.find()).as(done.out).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(events);
        System.out.println("REPLAY THROUGHPUT: issue-ledger, " + events + " events (" + issues + " issues), "
                + m.group(2) + " events/s (command line, batch 100)");
        assertThat(done.out).contains("replay issue-ledger: RUNNING");
        Long differences = jdbc.queryForObject("""
                select (select count(*) from (select * from expected_ledger except all select * from issue_ledger) a)
                     + (select count(*) from (select * from issue_ledger except all select * from expected_ledger) b)""", Long.class);
        assertThat(differences).isZero();
        assertThat(count(jdbc, "select count(*) from issue_ledger")).isEqualTo(issues);
        assertThat(jdbc.queryForObject("select status from projection_replay where name = 'issue-ledger'", String.class))
                .isEqualTo("SUCCEEDED");

        Run unknown = cli(database, "no-such-view");
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.err).contains("No replayable projection no-such-view")
                .contains("replayable projections: issue-ledger, issue-history");
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs the app as {@code ./duban replay <group>} does, capturing what it prints; returns its exit code. */
    private static Run cli(String database, String group) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(tee(out, outBytes), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(tee(err, errBytes), true, StandardCharsets.UTF_8));
            ConfigurableApplicationContext context = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class),
                    database, Clock.systemUTC(), "--server.address=127.0.0.1", "--duban.replay=" + group);
            exitCode = SpringApplication.exit(context);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    private static OutputStream tee(OutputStream a, ByteArrayOutputStream b) {
        return new OutputStream() {
            @Override
            public void write(int x) {
                try {
                    a.write(x);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                synchronized (b) {
                    b.write(x);
                }
            }
        };
    }

    private static void awaitCaughtUp(Api api, long head) {
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        Supplier<JsonNode> overview = () -> api.as("admin").get("/api/admin/projections").json();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (JsonNode p : overview.get().get("projections")) {
                if (p.get("position").isNull() || p.get("position").asLong() < head) all = false;
            }
            if (all) return;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("processors did not catch up with " + head + ": " + overview.get());
    }

    private static String raise(Api api, String title) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "测试描述",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
        if (r.status() != 201) throw new IllegalStateException("raise failed: " + r);
        return r.json().get("id").asText();
    }

    private static long version(Api.Response r) {
        if (r.status() != 200) throw new AssertionError("expected 200, got " + r);
        return r.json().get("version").asLong();
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
