package org.duban.standalone.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.standalone.nodes.Cluster.accepted;

/**
 * The distributed layout in one test: two command nodes and two query nodes, each its own JVM on
 * a loopback port, all on one PostgreSQL database. Commands work on any command node, reads on
 * any query node; racing commands on one issue never lose an update; the query nodes share the
 * processors' segments, and a node killed with -9 leaves its segments to the other.
 */
@Tag("nodes")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeTest {
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(90);

    private Cluster cluster;
    private Node command1;
    private Node command2;
    private Node query1;
    private Node query2;

    @BeforeAll
    void startNodes() {
        cluster = new Cluster(TestDatabase.newDatabase());
        command1 = cluster.command("command-1");
        command2 = cluster.command("command-2");
        query1 = cluster.query("query-1");
        query2 = cluster.query("query-2");
        cluster.startAll();
    }

    @AfterAll
    void stopNodes() {
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void commands_to_either_command_node_are_read_from_either_query_node() {
        String viaFirst = Cluster.raise(command1.api(), "经一号命令节点登记");
        String viaSecond = Cluster.raise(command2.api(), "经二号命令节点登记");
        // The next command on each issue goes to the other node: both load the same event stream.
        long v1 = accepted(command2.api().as("inspector").post("/api/issues/" + viaFirst + "/assignment", Map.of("department", "PHARMACY")));
        long v2 = accepted(command1.api().as("inspector").post("/api/issues/" + viaSecond + "/assignment", Map.of("department", "INPATIENT_SERVICE")));
        assertThat(v1).isEqualTo(1);
        assertThat(v2).isEqualTo(1);

        for (Node query : List.of(query1, query2)) {
            JsonNode first = query.api().as("inspector").get("/api/issues/" + viaFirst + "?minVersion=" + v1).json();
            assertThat(first.get("title").asText()).isEqualTo("经一号命令节点登记");
            assertThat(first.get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(first.get("version").asLong()).isEqualTo(1);
            JsonNode second = query.api().as("inspector").get("/api/issues/" + viaSecond + "?minVersion=" + v2).json();
            assertThat(second.get("title").asText()).isEqualTo("经二号命令节点登记");
            assertThat(second.get("version").asLong()).isEqualTo(1);
        }
        // Department scoping holds on every node: the pharmacy may not read the inpatient service's issue.
        assertThat(query2.api().as("pharmacy").get("/api/issues/" + viaSecond).status()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void racing_commands_on_one_issue_through_two_nodes_end_in_a_success_and_a_409_never_a_lost_update() throws Exception {
        // A category no other issue of this test has, so the recurrence watch adds no event that
        // could make both racers of a round lose.
        String id = Cluster.inProgress(command1.api(), "并发进展", "MEDICAL_POLICY");
        int rounds = 20;
        int successes = 0;
        int conflicts = 0;
        Set<Long> versions = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier barrier = new CyclicBarrier(2);
                int percent = round;
                List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
                for (Node node : List.of(command1, command2)) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        await(barrier);
                        return Cluster.reportProgress(node.api(), id, percent);
                    }, pool));
                }
                for (CompletableFuture<Api.Response> answer : answers) {
                    Api.Response r = answer.get();
                    if (r.status() == 200) {
                        successes++;
                        assertThat(versions.add(r.json().get("version").asLong())).as("version answered twice: %s", r).isTrue();
                    } else {
                        assertThat(r.status()).as("round %d: %s", percent, r).isEqualTo(409);
                        assertThat(r.code()).isEqualTo("CONCURRENT_MODIFICATION");
                        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                        conflicts++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("racing progress reports: %d rounds, %d accepted, %d answered 409%n", rounds, successes, conflicts);
        assertThat(successes).isGreaterThanOrEqualTo(rounds);

        // Exactly one stored report per accepted answer, at the version that answer named. (Other
        // events may sit in between: the recurrence watch flags issues of the same department.)
        List<Long> reported = cluster.jdbc().queryForList("""
                select sequence_number from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.ProgressReported'""", Long.class, id);
        assertThat(reported).containsExactlyInAnyOrderElementsOf(versions);
        Long lastSequence = cluster.jdbc().queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?", Long.class, id);

        // Each query node reads the final version. minVersion waits up to 5 s and then answers 503
        // "retry shortly"; right after start the two query nodes are still handing segments over
        // (one per balancer tick, claimed on the next claim cycle), so a read may need a retry.
        for (Node query : List.of(query1, query2)) {
            String path = "/api/issues/" + id + "?minVersion=" + lastSequence;
            Api.Response[] last = new Api.Response[1];
            cluster.await(query + " reading version " + lastSequence, TAKEOVER_BOUND, () -> {
                last[0] = query.api().as("inspector").get(path);
                if (last[0].status() == 503) return false;
                assertThat(last[0].status()).as("%s", last[0]).isEqualTo(200);
                return true;
            }, () -> last[0]);
            JsonNode detail = last[0].json();
            assertThat(detail.get("version").asLong()).isEqualTo(lastSequence);
            assertThat(detail.get("progress")).hasSize(successes);
        }
    }

    @Test
    @Order(3)
    void the_query_nodes_share_the_segments_of_every_projection() {
        String q1 = query1.ownerPrefix();
        String q2 = query2.ownerPrefix();
        cluster.await("both query nodes holding half of the issue-ledger and issue-history segments", TAKEOVER_BOUND,
                () -> {
                    Map<String, Map<String, Integer>> owners = cluster.segmentOwners();
                    return List.of("issue-ledger", "issue-history", "notifications").stream()
                            .allMatch(p -> sharedEvenly(owners.get(p), q1, q2));
                },
                cluster::segmentOwners);
        // The command side's own processors are shared between the command nodes just the same.
        String c1 = command1.ownerPrefix();
        String c2 = command2.ownerPrefix();
        cluster.await("both command nodes holding half of the issue-clock segments", TAKEOVER_BOUND,
                () -> sharedEvenly(cluster.segmentOwners().get("issue-clock"), c1, c2), cluster::segmentOwners);
    }

    @Test
    @Order(4)
    void a_query_node_killed_with_minus_9_leaves_its_segments_to_the_other_which_catches_up() {
        String survivor = query1.ownerPrefix();
        query2.kill();

        List<String> afterKill = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Node command = i % 2 == 0 ? command1 : command2;
            String id = Cluster.raise(command.api(), "宕机后登记 " + i);
            accepted(command.api().as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
            afterKill.add(id);
        }
        cluster.await("query-1 owning every segment of every query processor", TAKEOVER_BOUND,
                () -> cluster.segmentOwners().entrySet().stream()
                        .filter(e -> !e.getKey().equals("issue-clock") && e.getValue().keySet().stream().noneMatch(o -> o.startsWith(command1.ownerPrefix()) || o.startsWith(command2.ownerPrefix())))
                        .allMatch(e -> e.getValue().size() == 1 && e.getValue().keySet().iterator().next().startsWith(survivor)),
                cluster::segmentOwners);
        for (String id : afterKill) {
            cluster.await("query-1 showing " + id + " assigned", TAKEOVER_BOUND, () -> {
                Api.Response r = query1.api().as("inspector").get("/api/issues/" + id + "?minVersion=1");
                return r.status() == 200 && r.json().get("status").asText().equals("ASSIGNED");
            }, () -> query1.api().as("inspector").get("/api/issues/" + id));
            Long stored = cluster.jdbc().queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
            cluster.await("query-1's history of " + id + " holding every stored event", TAKEOVER_BOUND,
                    () -> stored.equals(cluster.jdbc().queryForObject("select count(*) from issue_history where issue_id = ?", Long.class, id)),
                    () -> cluster.jdbc().queryForList("select sequence, event_type from issue_history where issue_id = ?", id));
        }
    }

    private static boolean sharedEvenly(Map<String, Integer> owners, String node1, String node2) {
        if (owners == null || owners.size() != 2) return false;
        int first = owners.entrySet().stream().filter(e -> e.getKey().startsWith(node1)).mapToInt(Map.Entry::getValue).sum();
        int second = owners.entrySet().stream().filter(e -> e.getKey().startsWith(node2)).mapToInt(Map.Entry::getValue).sum();
        return first == 2 && second == 2;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
