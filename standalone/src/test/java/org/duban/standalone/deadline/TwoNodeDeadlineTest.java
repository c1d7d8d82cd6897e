package org.duban.standalone.deadline;

import org.duban.command.CommandSideApplication;
import org.duban.command.deadline.DeadlinePoller;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.MovableClock;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command nodes share one database and both poll for due deadlines at the same moment:
 * every step of every issue's clock is taken exactly once.
 */
class TwoNodeDeadlineTest {
    private static final Logger log = LoggerFactory.getLogger(TwoNodeDeadlineTest.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int ISSUES = 20;
    private final MovableClock clock = new MovableClock(beijing("2025-09-30T10:00"), BEIJING).install();

    @AfterEach
    void systemClockAgain() {
        MovableClock.uninstall();
    }

    @Test
    void two_nodes_polling_together_fire_each_deadline_once() throws Exception {
        String database = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext nodeA = Apps.start(CommandSideApplication.builder(), database, clock);
             ConfigurableApplicationContext nodeB = Apps.start(CommandSideApplication.builder(), database, clock)) {
            Api a = Apps.api(nodeA);
            Api b = Apps.api(nodeB);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ISSUES; i++) {
                Api node = i % 2 == 0 ? a : b; // commands to either node succeed
                Api.Response r = node.as("inspector").post("/api/issues", Map.of("title", "双节点 " + i, "description", "d",
                        "source", "HOTLINE", "category", "OTHER"));
                assertThat(r.status()).isEqualTo(201);
                ids.add(r.json().get("id").asText());
            }
            JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
            awaitSteps(jdbc, ISSUES * 4);

            for (String moment : List.of("2025-10-15T00:00", "2025-10-17T00:00", "2025-10-22T00:00", "2025-10-24T00:00")) {
                clock.set(beijing(moment));
                long started = System.nanoTime();
                int fired = fireTogether(nodeA.getBean(DeadlinePoller.class), nodeB.getBean(DeadlinePoller.class));
                log.info("Fired {} due steps at {} on two nodes in {} ms", fired, moment, (System.nanoTime() - started) / 1_000_000);
                awaitSettled(jdbc, ids);
            }

            for (String id : ids) {
                assertThat(count(jdbc, id, "DueDateApproaching")).as("reminders of %s", id).isEqualTo(1);
                assertThat(jdbc.queryForList("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'level' from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%IssueEscalated' order by sequence_number""",
                        String.class, id)).as("levels of %s", id).containsExactly("BLUE", "YELLOW", "RED");
            }
        }
    }

    private static int fireTogether(DeadlinePoller first, DeadlinePoller second) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> await(go, first));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> await(go, second));
        go.countDown();
        return one.get() + two.get();
    }

    private static int await(CountDownLatch go, DeadlinePoller poller) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return poller.fireDue();
    }

    /** Waits until the clock processors have caught up with every issue's last event. */
    private static void awaitSettled(JdbcTemplate jdbc, List<String> ids) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long behind = jdbc.queryForObject("""
                    select count(*) from issue_clock c where c.issue_id = any(?) and c.version <
                        (select max(sequence_number) from domain_event_entry e where e.aggregate_identifier = c.issue_id)""",
                    Long.class, (Object) ids.toArray(String[]::new));
            if (behind != null && behind == 0) return;
            sleep(20);
        }
        throw new AssertionError("the issue clocks did not settle");
    }

    private static void awaitSteps(JdbcTemplate jdbc, int steps) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long n = jdbc.queryForObject("select count(*) from issue_deadline", Long.class);
            if (n != null && n >= steps) return;
            sleep(20);
        }
        throw new AssertionError("the issue clocks were not scheduled");
    }

    private static long count(JdbcTemplate jdbc, String id, String type) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, id, "%" + type);
        return n == null ? 0 : n;
    }

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
