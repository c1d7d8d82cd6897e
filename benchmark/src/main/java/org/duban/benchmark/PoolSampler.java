package org.duban.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Samples the app's /actuator/prometheus once a second during a run: heap used (all heap pools),
 * the heap's live data after the last major collection, and the Hikari pool's active and waiting
 * connections, so a run says whether commands queued for a connection.
 */
final class PoolSampler implements Runnable {
    private final HttpClient http;
    private final String base;
    private volatile boolean stopped;
    private double heapMax;
    private double heapLast;
    private double liveAfterGc;
    private double pendingMax;
    private double activeMax;
    private double poolMax;
    private int samples;

    PoolSampler(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public void run() {
        while (!stopped) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
        sample();
    }

    void stop() {
        stopped = true;
    }

    private synchronized void sample() {
        String text;
        try {
            text = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return;
        }
        double heap = 0;
        double pending = 0;
        double active = 0;
        double max = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) continue;
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) heap += value(line);
            else if (line.startsWith("jvm_gc_live_data_size_bytes")) liveAfterGc = value(line);
            else if (line.startsWith("hikaricp_connections_pending{")) pending += value(line);
            else if (line.startsWith("hikaricp_connections_active{")) active += value(line);
            else if (line.startsWith("hikaricp_connections_max{")) max += value(line);
        }
        samples++;
        heapLast = heap;
        heapMax = Math.max(heapMax, heap);
        pendingMax = Math.max(pendingMax, pending);
        activeMax = Math.max(activeMax, active);
        poolMax = max;
    }

    private static double value(String line) {
        String[] parts = line.trim().split("\\s+");
        return Double.parseDouble(parts[parts.length - 1]);
    }

    synchronized String summary() {
        return String.format("heapMaxMiB=%.0f heapEndMiB=%.0f liveAfterGcMiB=%.0f poolMax=%.0f poolActiveMax=%.0f poolWaitingMax=%.0f samples=%d",
                heapMax / 1048576, heapLast / 1048576, liveAfterGc / 1048576, poolMax, activeMax, pendingMax, samples);
    }
}
