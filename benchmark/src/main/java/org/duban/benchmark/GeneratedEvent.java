package org.duban.benchmark;

import java.time.Instant;

/** One event of one aggregate, with the actor who caused it and its record time. */
record GeneratedEvent(String aggregateId, long sequence, Instant at, Object payload, String userId, String role,
                      String department) {
}
