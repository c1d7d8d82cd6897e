package org.duban.standalone.nodes;

import org.duban.standalone.support.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of progress reports: one client thread per issue, each sending to the command
 * nodes in turn. It keeps every accepted answer (issue, version, node) and counts the others by
 * status and code, so a test can check afterwards that each accepted command was stored.
 */
final class Load {
    record Accepted(String issueId, long version, String node) {
    }

    private final List<String> issueIds;
    private final List<Node> nodes;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    Load(List<String> issueIds, List<Node> nodes) {
        this.issueIds = issueIds;
        this.nodes = nodes;
    }

    Load start() {
        running = true;
        for (String id : issueIds) {
            Thread t = new Thread(() -> run(id), "load-" + id);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        return this;
    }

    private void run(String issueId) {
        int n = 0;
        while (running) {
            Node node = nodes.get(n++ % nodes.size());
            try {
                Api.Response r = Cluster.reportProgress(node.api(), issueId, n % 101);
                if (r.status() == 200) {
                    accepted.add(new Accepted(issueId, r.json().get("version").asLong(), node.name()));
                } else {
                    count(r.status() + " " + (r.body().startsWith("{") ? r.code() : r.body()));
                }
            } catch (RuntimeException e) {
                // Connection refused or cut: the node is down. Not an answer, so nothing to check.
                count("no answer");
            }
            Node.pause(20);
        }
    }

    private void count(String outcome) {
        refused.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Waits until {@code more} further commands were accepted, at least one of them by {@code node} if given. */
    void awaitMoreAccepted(int more, Node node, Duration bound) {
        int target = accepted.size() + more;
        long deadline = System.nanoTime() + bound.toNanos();
        int fromNode = node == null ? 0 : acceptedBy(node);
        while (System.nanoTime() < deadline) {
            if (accepted.size() >= target && (node == null || acceptedBy(node) > fromNode)) return;
            Node.pause(100);
        }
        throw new AssertionError("not " + more + " more commands accepted" + (node == null ? "" : " (some by " + node.name() + ")")
                + " within " + bound + "; accepted " + accepted.size() + ", others " + refused);
    }

    private int acceptedBy(Node node) {
        return (int) accepted.stream().filter(a -> a.node().equals(node.name())).count();
    }

    void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** Outcome ("503 SERVICE_UNAVAILABLE", "no answer", …) → how often. */
    Map<String, Integer> others() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        refused.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}
