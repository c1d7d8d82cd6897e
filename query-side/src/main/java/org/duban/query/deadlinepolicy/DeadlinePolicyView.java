package org.duban.query.deadlinepolicy;

import org.duban.api.deadline.DeadlinePolicySpec;

import java.time.Instant;
import java.util.List;

/**
 * The deadline policy in force (version 0 is the shipped default) and who changed it when:
 * record time and the signed-in admin of each change.
 */
record DeadlinePolicyView(long version, DeadlinePolicySpec spec, List<Change> history) {

    record Change(long version, Instant changedAt, String changedBy) {
    }

    /** One stored version, as read back. */
    record Version(long version, DeadlinePolicySpec spec) {
    }
}
