package org.duban.query.web;

import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits, bounded, until a read model has reached the version a client wrote (API.md
 * {@code minVersion}); past the bound the client gets 503 with Retry-After instead of stale data.
 * Polls the database rather than a local signal because the projection may run on another node.
 */
@Component
public class ReadYourWrites {
    private static final long POLL_MILLIS = 20;
    private final Duration bound;

    ReadYourWrites(@Value("${duban.query.min-version-wait:5s}") Duration bound) {
        this.bound = bound;
    }

    public void await(Long minVersion, LongSupplier currentVersion) {
        if (minVersion == null || currentVersion.getAsLong() >= minVersion) return;
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (currentVersion.getAsLong() >= minVersion) return;
        }
        throw new DomainRefusal(ErrorCode.READ_MODEL_BEHIND,
                "The view has not caught up with version " + minVersion + " yet; retry shortly.");
    }
}
