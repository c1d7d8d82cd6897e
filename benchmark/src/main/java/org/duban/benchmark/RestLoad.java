package org.duban.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands through the REST API, each client on its own issues: raise, assign (inspector), acknowledge,
 * then seven progress reports (pharmacy) — about the ten events a real issue gathers — and the next issue.
 * One request per command. Two modes:
 * <pre>
 *   closed &lt;base-url&gt; &lt;clients&gt; &lt;warmup-s&gt; &lt;seconds&gt;            as fast as the clients go
 *   paced  &lt;base-url&gt; &lt;clients&gt; &lt;rate/s&gt; &lt;warmup-s&gt; &lt;seconds&gt; at a fixed rate; after each 2xx a
 *          read of GET /api/issues/{id}?minVersion=v (the ledger waits until it has the version) gives
 *          the projection lag as a client sees it
 * </pre>
 * Prints one line {@code rest mode=.. clients=.. commands=.. commands/s=.. p50ms=.. p99ms=.. status={..} ...}
 * plus heap and connection-pool figures sampled from /actuator/prometheus every second.
 */
public final class RestLoad {
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final int PROGRESS_REPORTS = 7;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Latencies commandLatency = new Latencies();
    private final Latencies lag = new Latencies();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> lagStatuses = new ConcurrentHashMap<>();
    private final LongAdder lagPending = new LongAdder();

    private RestLoad(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: RestLoad closed <base-url> <clients> <warmup-s> <seconds>\n"
                    + "       RestLoad paced <base-url> <clients> <rate/s> <warmup-s> <seconds>");
            System.exit(2);
        }
        boolean paced = args[0].equals("paced");
        RestLoad load = new RestLoad(args[1]);
        int clients = Integer.parseInt(args[2]);
        double rate = paced ? Double.parseDouble(args[3]) : 0;
        int warmup = Integer.parseInt(args[paced ? 4 : 3]);
        int seconds = Integer.parseInt(args[paced ? 5 : 4]);
        load.run(clients, rate, warmup, seconds);
    }

    private void run(int clients, double rate, int warmup, int seconds) throws Exception {
        Pacer pacer = rate > 0 ? new Pacer(rate) : null;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(Thread.ofVirtual().start(() -> client(pacer)));
        }
        Thread.sleep(warmup * 1000L);
        PoolSampler sampler = new PoolSampler(http, base);
        Thread samplerThread = Thread.ofVirtual().start(sampler);
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        for (Thread w : workers) w.join(Duration.ofSeconds(30));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (lagPending.sum() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        sampler.stop();
        samplerThread.join();
        StringBuilder line = new StringBuilder(String.format(
                "rest mode=%s clients=%d rate=%.0f commands=%d commands/s=%.1f p50ms=%.1f p99ms=%.1f status=%s",
                rate > 0 ? "paced" : "closed", clients, rate, commandLatency.count(), commandLatency.count() / elapsed,
                commandLatency.percentileMillis(50), commandLatency.percentileMillis(99), counts(statuses).toString().replace(" ", "")));
        if (rate > 0) {
            line.append(String.format(" lagReads=%d lagP50ms=%.1f lagP99ms=%.1f lagStatus=%s", lag.count(),
                    lag.percentileMillis(50), lag.percentileMillis(99), counts(lagStatuses).toString().replace(" ", "")));
        }
        line.append(' ').append(sampler.summary());
        System.out.println(line);
    }

    private static Map<String, Long> counts(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** One client: its own issues, one command after the other, each waiting for the answer. */
    private void client(Pacer pacer) {
        while (!stop.get()) {
            String id = command(pacer, "inspector", "/api/issues", """
                    {"title":"压测督办事项 %s","description":"12345热线反映门诊药房取药等候时间长，高峰期超过四十分钟","source":"HOTLINE","category":"MEDICAL_SERVICE"}"""
                    .formatted(System.nanoTime()), true);
            if (id == null) continue;
            if (command(pacer, "inspector", "/api/issues/" + id + "/assignment", "{\"department\":\"PHARMACY\"}", false) == null) continue;
            if (command(pacer, "pharmacy", "/api/issues/" + id + "/acknowledgement", "{\"note\":\"已签收，即日起整改\"}", false) == null) continue;
            for (int p = 1; p <= PROGRESS_REPORTS && !stop.get(); p++) {
                if (command(pacer, "pharmacy", "/api/issues/" + id + "/progress-reports",
                        "{\"percent\":%d,\"summary\":\"第%d次进展：增设取药窗口，高峰期增派人员，候药时间持续下降\",\"evidence\":[\"统计%d.xlsx\"]}"
                                .formatted(p * 12, p, p), false) == null) break;
            }
        }
    }

    /** Sends one command; answers the issue id (raise) or "ok", or null if it was not accepted. */
    private String command(Pacer pacer, String user, String path, String body, boolean raise) {
        if (pacer != null && !pacer.await(stop)) return null;
        boolean counted = measuring.get();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            if (counted) statuses.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            return null;
        }
        long done = System.nanoTime();
        int status = response.statusCode();
        if (counted) {
            statuses.computeIfAbsent(String.valueOf(status), k -> new LongAdder()).increment();
            if (status / 100 == 2) commandLatency.add(done - t0);
        }
        if (status / 100 != 2) return null;
        Matcher id = ID.matcher(response.body());
        Matcher version = VERSION.matcher(response.body());
        String issue = id.find() ? id.group(1) : null;
        if (pacer != null && counted && issue != null && version.find()) {
            long v = Long.parseLong(version.group(1));
            lagPending.increment();
            Thread.ofVirtual().start(() -> measureLag(issue, v, done));
        }
        return raise ? issue : "ok";
    }

    /** From the command's 2xx until the ledger answers with at least its version (it waits up to 5 s, then 503). */
    private void measureLag(String issue, long version, long acceptedAt) {
        try {
            HttpRequest read = HttpRequest.newBuilder(URI.create(base + "/api/issues/" + issue + "?minVersion=" + version))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", basic("inspector")).GET().build();
            for (int attempt = 0; attempt < 20; attempt++) {
                HttpResponse<Void> r = http.send(read, HttpResponse.BodyHandlers.discarding());
                lagStatuses.computeIfAbsent(String.valueOf(r.statusCode()), k -> new LongAdder()).increment();
                if (r.statusCode() != 503) {
                    if (r.statusCode() == 200) lag.add(System.nanoTime() - acceptedAt);
                    return;
                }
            }
        } catch (Exception e) {
            lagStatuses.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
        } finally {
            lagPending.decrement();
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Hands out send times rate apart, shared by all clients; a client late for its slot sends at once. */
    private static final class Pacer {
        private final long intervalNanos;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        Pacer(double rate) {
            this.intervalNanos = (long) (1e9 / rate);
        }

        boolean await(AtomicBoolean stop) {
            long slot = next.getAndAdd(intervalNanos);
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return !stop.get();
        }
    }
}
