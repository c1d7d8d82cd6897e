package org.duban.standalone.nodes;

import org.duban.standalone.support.Api;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Nodes of one test started together (JVM start-up is the slow part, so in parallel), and helpers on them. */
final class Cluster implements AutoCloseable {
    /** A cold JVM takes 15-30 s on two busy cores; four starting at once take longer each. */
    static final Duration START_BOUND = Duration.ofMinutes(4);

    private final List<Node> nodes = new ArrayList<>();
    private final String database;

    Cluster(String database) {
        this.database = database;
    }

    Node command(String name, String... extraArgs) {
        return add(Node.command(name, database, extraArgs));
    }

    Node query(String name, String... extraArgs) {
        return add(Node.query(name, database, extraArgs));
    }

    private Node add(Node node) {
        nodes.add(node);
        return node;
    }

    /** Starts every node at once, then waits for each. */
    void startAll() {
        nodes.forEach(Node::start);
        nodes.forEach(n -> n.awaitUp(START_BOUND));
    }

    /** A fresh connection each time, so checks work across a database restart. */
    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(database, "postgres", ""));
    }

    /** processor name → (owner → number of segments it holds); unowned segments count under "". */
    Map<String, Map<String, Integer>> segmentOwners() {
        Map<String, Map<String, Integer>> owners = new java.util.TreeMap<>();
        jdbc().query("select processor_name, coalesce(owner, '') as owner, count(*) as n from token_entry group by 1, 2",
                (java.sql.ResultSet rs) -> {
                    owners.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return owners;
    }

    String logs() {
        return nodes.stream().map(Node::toString).reduce((a, b) -> a + "\n  " + b).orElse("");
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(Node::close);
    }

    /** Polls until {@code condition} holds; fails with {@code state}'s description and the node logs otherwise. */
    void await(String what, Duration bound, BooleanSupplier condition, Supplier<Object> state) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) return;
            } catch (RuntimeException e) {
                // the database or a node may be on its way back; try again
            }
            Node.pause(250);
        }
        throw new AssertionError(what + " did not happen within " + bound + "; last state: " + state.get() + "\n  logs: " + logs());
    }

    static String raise(Api api, String title) {
        return raise(api, title, "MEDICAL_SERVICE");
    }

    static String raise(Api api, String title, String category) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "多节点测试",
                "source", "HOTLINE", "category", category));
        if (r.status() != 201) throw new AssertionError("raise failed: " + r);
        return r.json().get("id").asText();
    }

    static long accepted(Api.Response r) {
        if (r.status() != 200) throw new AssertionError("expected 200, got " + r);
        return r.json().get("version").asLong();
    }

    /** Raised, assigned to the pharmacy and acknowledged by it: progress may be reported (version 2). */
    static String inProgress(Api api, String title, String category) {
        String id = raise(api, title, category);
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
        return id;
    }

    static Api.Response reportProgress(Api api, String issueId, int percent) {
        return api.as("pharmacy").post("/api/issues/" + issueId + "/progress-reports",
                Map.of("percent", percent, "summary", "进展 " + percent));
    }
}
