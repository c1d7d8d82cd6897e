package org.duban.query.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The canonical byte form of one stored event, computed from the row of {@code domain_event_entry}
 * exactly as stored (never from a deserialized message), and the chain link over it. Pure Java,
 * so an offline verifier of an exported bundle uses the very same definition.
 *
 * <p>Canonical bytes: for each field, in this order, a 4-byte big-endian length followed by the
 * bytes (a null field is the length -1 and no bytes): global_index (decimal text, UTF-8),
 * event_identifier, aggregate_identifier, sequence_number (decimal text), type, time_stamp,
 * payload_type, payload_revision (UTF-8 text), payload, meta_data (raw bytes).
 *
 * <p>Chain: {@code hash_n = SHA-256(hash_{n-1} ‖ canonical_n)}, the first predecessor being
 * {@link #GENESIS}, 32 zero bytes.
 */
public final class CanonicalEvent {
    /** The predecessor of the first event's hash. */
    public static final byte[] GENESIS = new byte[32];

    /** The columns of domain_event_entry that make up the canonical form, in canonical order. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    private CanonicalEvent() {
    }

    public static byte[] bytes(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                               String type, String timeStamp, String payloadType, String payloadRevision,
                               byte[] payload, byte[] metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(payload) + length(metaData));
        field(out, text(Long.toString(globalIndex)));
        field(out, text(eventIdentifier));
        field(out, text(aggregateIdentifier));
        field(out, text(Long.toString(sequenceNumber)));
        field(out, text(type));
        field(out, text(timeStamp));
        field(out, text(payloadType));
        field(out, text(payloadRevision));
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    /** The canonical bytes of the current row of a result set selecting {@link #COLUMNS} (by name). */
    public static byte[] bytes(ResultSet row) throws SQLException {
        return bytes(row.getLong("global_index"), row.getString("event_identifier"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("type"), row.getString("time_stamp"),
                row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                row.getBytes("meta_data"));
    }

    /** SHA-256(previous ‖ canonical). */
    public static byte[] link(byte[] previous, byte[] canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(canonical);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        int n = value == null ? -1 : value.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        if (value != null) out.write(value, 0, value.length);
    }
}
