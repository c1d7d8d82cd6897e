package org.duban.api.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical byte form of one stored event, computed from the row of {@code domain_event_entry}
 * exactly as stored (never from a deserialized message), and the chain link over it. Pure Java
 * in shared-api, so the server's chain and the offline verifier share this one definition.
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
