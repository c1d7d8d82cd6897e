package org.duban.standalone.support;

import org.duban.standalone.StandaloneApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An application of its own (fresh database, a clock the test moves) for the metrics tests,
 * whose numbers must count exactly the issues the test raised, at the record times it chose.
 * The deadline clock and the recurrence watch stay quiet, so the only events are the test's.
 */
public final class MetricsApp implements AutoCloseable {
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String UNPROJECTED = """
            select count(*) from (select aggregate_identifier, max(sequence_number) as version from domain_event_entry
                                  where type = 'Issue' group by aggregate_identifier) e
            left join issue_fact f on f.issue_id = e.aggregate_identifier and f.known_to is null
            left join issue_ledger l on l.issue_id = e.aggregate_identifier
            where f.version is distinct from e.version or l.version is distinct from e.version""";

    public final MovableClock clock;
    public final ConfigurableApplicationContext context;
    public final Api api;
    public final JdbcTemplate jdbc;

    public MetricsApp(String startBeijing, String... extraArgs) {
        this(startBeijing, builder -> { }, extraArgs);
    }

    /** {@code customize} may add initializers, e.g. a bean replacing one of the application's. */
    public MetricsApp(String startBeijing, Consumer<SpringApplicationBuilder> customize, String... extraArgs) {
        clock = new MovableClock(beijing(startBeijing), BEIJING).install();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(StandaloneApplication.class);
        customize.accept(builder);
        List<String> args = new ArrayList<>(List.of("--duban.recurrence.look-back-days=0"));
        args.addAll(List.of(extraArgs));
        context = Apps.start(builder, TestDatabase.newDatabase(), clock, args.toArray(String[]::new));
        api = Apps.api(context);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    public static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    /** Moves the clock (record time of what follows) to a Beijing local time. */
    public void at(String beijingTime) {
        clock.set(beijing(beijingTime));
    }

    /** Raises an issue as the inspector; {@code occurredAt} null = now (else a back-filled business time). */
    public String raise(String title, String source, Instant occurredAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "description", "测试描述",
                "source", source, "category", "MEDICAL_SERVICE"));
        if (occurredAt != null) body.put("occurredAt", occurredAt.toString());
        Api.Response r = api.as("inspector").post("/api/issues", body);
        if (r.status() != 201) throw new AssertionError("raise failed: " + r);
        return r.json().get("id").asText();
    }

    /** Sends a command and insists it was accepted. */
    public void ok(Api.Response r) {
        if (r.status() != 200) throw new AssertionError("expected 200, got " + r);
    }

    /** Waits (bounded) until the issue-metrics projection and the ledger have folded every issue event appended so far. */
    public void awaitProjected() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long behind = jdbc.queryForObject(UNPROJECTED, Long.class);
            if (behind != null && behind == 0) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the issue-metrics projection did not catch up");
    }

    @Override
    public void close() {
        context.close();
        MovableClock.uninstall();
    }
}
