package org.duban.standalone.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Bounded waits on the integrity chain, shared by the tests that tamper with or export it. */
public final class IntegrityAwait {

    private IntegrityAwait() {
    }

    /** Until at least {@code minEvents} are stored, every one is chained and the chain head is signed (20 s at most). */
    public static void chainedAndCheckpointed(JdbcTemplate jdbc, long minEvents) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Long chained = jdbc.queryForObject("select count(*) from event_chain", Long.class);
            Long signedHead = jdbc.queryForObject("select max(global_index) from event_checkpoint", Long.class);
            Long head = jdbc.queryForObject("select max(global_index) from event_chain", Long.class);
            if (stored != null && stored >= minEvents && stored.equals(chained) && head != null && head.equals(signedHead)) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("events were not all chained and checkpointed within 20 s");
    }
}
