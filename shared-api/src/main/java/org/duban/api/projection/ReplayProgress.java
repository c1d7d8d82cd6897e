package org.duban.api.projection;

import java.time.Instant;

/**
 * A replay of one projection into shadow tables. {@code percent} = position ÷ head × 100 where
 * head is the event store's highest global index when last measured; {@code eventsPerSecond} =
 * events applied ÷ seconds since start.
 *
 * @param status RUNNING (building the shadow tables), SWITCHING (live processor stopped, swapping),
 *               SUCCEEDED or FAILED (then {@code error} says why; the live view was left as it was)
 */
public record ReplayProgress(String status, String node, Instant startedAt, Instant finishedAt, Long position,
                             Long head, double percent, long events, double eventsPerSecond, String error) {
}
