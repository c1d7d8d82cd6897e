package org.duban.query.integrity;

import org.duban.api.integrity.CanonicalEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Recomputes the chain from {@code domain_event_entry} in global order and compares it with
 * {@code event_chain}, streaming one outer join of the two (fetch size, one snapshot), never
 * holding the store in memory. Stops at the first break.
 */
@Component
public class ChainVerifier {
    private static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        // One snapshot for the head query and the walk; a cursor (fetch size) needs a transaction anyway.
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    public IntegrityReport verify() {
        return snapshot.execute(status -> walk());
    }

    private IntegrityReport walk() {
        Long chainHead = jdbc.queryForObject("select max(global_index) from event_chain", Long.class);
        long lastChained = chainHead == null ? 0 : chainHead;
        Walk walk = new Walk(lastChained);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        try {
            streaming.query("""
                    select coalesce(e.global_index, c.global_index) as position, c.event_identifier as chained_identifier,
                           c.hash as chained_hash, e.global_index, e.event_identifier, e.aggregate_identifier,
                           e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data
                    from domain_event_entry e full outer join event_chain c on c.global_index = e.global_index
                    order by position""", walk::row);
        } catch (Stop ignored) {
            // the first break is known; the rest of the store does not change the answer
        }
        return walk.report();
    }

    /** Thrown from the row callback to end the stream early. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final class Walk {
        private final long lastChained;
        private byte[] previous = CanonicalEvent.GENESIS;
        private long verified;
        private long unchained;
        private BrokenAt broken;
        /** A chained index with no row: a missing row, or the truncated tail if no row follows it. */
        private BrokenAt missing;

        Walk(long lastChained) {
            this.lastChained = lastChained;
        }

        void row(ResultSet rs) throws SQLException {
            long position = rs.getLong("position");
            String chainedId = rs.getString("chained_identifier");
            String eventId = rs.getString("event_identifier");
            boolean hasRow = eventId != null;
            if (missing != null) {
                if (hasRow) {
                    broken = missing;
                    throw new Stop();
                }
                return;
            }
            if (chainedId != null && !hasRow) {
                missing = new BrokenAt(position, chainedId, BrokenAt.ROW_MISSING);
                return;
            }
            if (chainedId == null) {
                if (position > lastChained) {
                    unchained++;
                    return;
                }
                broken = new BrokenAt(position, eventId, BrokenAt.EXTRA_OR_REORDERED_ROW);
                throw new Stop();
            }
            if (!chainedId.equals(eventId)) {
                broken = new BrokenAt(position, eventId, BrokenAt.EXTRA_OR_REORDERED_ROW);
                throw new Stop();
            }
            byte[] hash = CanonicalEvent.link(previous, StoredEventRow.canonical(rs));
            if (!Arrays.equals(hash, rs.getBytes("chained_hash"))) {
                broken = new BrokenAt(position, eventId, BrokenAt.ALTERED);
                throw new Stop();
            }
            previous = hash;
            verified++;
        }

        IntegrityReport report() {
            if (broken == null && missing != null) {
                broken = new BrokenAt(missing.globalIndex(), missing.eventIdentifier(), BrokenAt.TRUNCATED_TAIL);
            }
            return new IntegrityReport(broken == null, verified, unchained,
                    verified == 0 ? null : CanonicalEvent.hex(previous), broken);
        }
    }

    /** Where the chain first breaks, and why. */
    public record BrokenAt(long globalIndex, String eventIdentifier, String reason) {
        /** The row's hash differs from the chained one: its payload, metadata or another column was altered. */
        public static final String ALTERED = "PAYLOAD_OR_METADATA_ALTERED";
        /** A chained index has no row, and rows follow it. */
        public static final String ROW_MISSING = "ROW_MISSING";
        /** The row at a chained index is another event than the chained one, or a row sits where the chain has none. */
        public static final String EXTRA_OR_REORDERED_ROW = "EXTRA_OR_REORDERED_ROW";
        /** Chained rows beyond the table's last row. */
        public static final String TRUNCATED_TAIL = "TRUNCATED_TAIL";
    }

    /**
     * The answer of GET /api/audit/integrity. headHash is the recomputed hash of the last event
     * verified (the chain head when ok); unchainedEvents are rows above the chain head the
     * maintainer has not reached yet, which are not errors.
     */
    public record IntegrityReport(boolean ok, long verifiedEvents, long unchainedEvents, String headHash,
                                  BrokenAt firstBrokenAt) {
    }
}
