package org.duban.standalone.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.TestDatabase;
import org.duban.verifier.BundleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures chain verification speed, online (GET /api/audit/integrity) and offline (the verifier on
 * a downloaded bundle), on a chain of {@code -Dbench.events} (default 30 000) events appended straight
 * through Axon's event store. A benchmark, not part of the suite (the name matches no surefire
 * pattern); it asserts only that everything verifies, never how fast. Run:
 * <pre>./duban mvn -B -o -q -pl standalone -am test -Dtest=ChainVerificationBench -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Figures go to standard output (lines starting "BENCH") and bench/INTEGRITY.md records a run.
 */
class ChainVerificationBench {
    private static final int BATCH = 1_000;

    /** A stand-in event, about the size of a raised issue's payload. */
    record BenchEvent(int n, String title, String description, String externalRef) {
    }

    @TempDir
    Path dir;

    @Test
    void verification_speed_online_and_offline() throws Exception {
        int total = Integer.getInteger("bench.events", 30_000);
        ConfigurableApplicationContext app = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class),
                TestDatabase.newDatabase(), Clock.systemUTC(), "--duban.integrity.interval=200ms",
                "--duban.integrity.gap-grace=1s", "--duban.integrity.checkpoint-interval=1s",
                "--duban.recurrence.look-back-days=0");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            EventStore store = app.getBean(EventStore.class);
            Api api = Apps.api(app);
            String baseUrl = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();

            long appendStart = System.nanoTime();
            MetaData meta = MetaData.with("userId", "bench").and("role", "INSPECTOR").and("department", "DISCIPLINE")
                    .and("correlationId", UUID.randomUUID().toString()).and("clientAddress", "127.0.0.1");
            String description = "患者反映门诊药房取药等候时间过长，窗口开放不足，高峰时段排队超过四十分钟。".repeat(4);
            for (int start = 0; start < total; start += BATCH) {
                List<GenericDomainEventMessage<BenchEvent>> batch = new ArrayList<>();
                String aggregate = "bench-" + start;
                for (int i = 0; i < Math.min(BATCH, total - start); i++) {
                    int n = start + i;
                    batch.add(new GenericDomainEventMessage<>("BenchAggregate", aggregate, i,
                            new BenchEvent(n, "基准事项 " + n, description, "12345-2026-" + n), meta));
                }
                store.publish(batch);
            }
            double appendSeconds = seconds(appendStart);
            System.out.printf("BENCH appended %d events through Axon's EventStore in %.1f s (%.0f events/s)%n",
                    total, appendSeconds, total / appendSeconds);

            long chainStart = System.nanoTime();
            awaitChained(jdbc, total);
            System.out.printf("BENCH chain maintainer caught up %.1f s after the last append%n", seconds(chainStart));
            long avgPayload = jdbc.queryForObject("select avg(length(payload) + coalesce(length(meta_data), 0))::bigint from domain_event_entry",
                    Long.class);
            System.out.printf("BENCH average payload+metadata %d bytes%n", avgPayload);

            for (int run = 1; run <= 3; run++) {
                long t = System.nanoTime();
                Api.Response r = api.as("auditor").get("/api/audit/integrity");
                double s = seconds(t);
                JsonNode report = r.json();
                assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
                long verified = report.get("verifiedEvents").asLong();
                assertThat(verified).isEqualTo(total);
                System.out.printf("BENCH online  run %d: %d events in %.2f s = %.0f events/s (GET /api/audit/integrity)%n",
                        run, verified, s, verified / s);
            }
            for (int run = 1; run <= 3; run++) {
                long t = System.nanoTime();
                Path bundle = download(baseUrl, dir.resolve("bundle-" + run + ".zip"));
                double downloadSeconds = seconds(t);
                t = System.nanoTime();
                BundleVerifier.Result result = BundleVerifier.verify(bundle, null);
                double s = seconds(t);
                assertThat(result.exitCode()).as(result.message()).isZero();
                assertThat(result.events()).isEqualTo(total);
                System.out.printf("BENCH offline run %d: %d events in %.2f s = %.0f events/s (BundleVerifier.verify in-process;"
                                + " bundle %d MB downloaded in %.2f s)%n", run, result.events(), s, result.events() / s,
                        Files.size(bundle) / 1_000_000, downloadSeconds);
            }
            Path keep = Path.of(System.getProperty("bench.bundle", "target/bench-bundle.zip"));
            Files.copy(dir.resolve("bundle-3.zip"), keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("BENCH bundle kept at " + keep.toAbsolutePath() + " for: java -jar verifier/target/verifier.jar " + keep);
        } finally {
            app.close();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Path download(String baseUrl, Path file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/audit/bundle")).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<Path> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(file));
        if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + Files.readString(file));
        return file;
    }

    private static void awaitChained(JdbcTemplate jdbc, long total) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long chained = jdbc.queryForObject("select count(*) from event_chain", Long.class);
            if (chained != null && chained >= total) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the chain did not catch up within 10 minutes");
    }
}
