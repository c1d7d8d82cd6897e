package org.duban.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical byte form of one stored event and the chain link over it.
 *
 * <p>MUST STAY IDENTICAL to {@code org.duban.query.integrity.CanonicalEvent} (query-side): the
 * verifier deliberately does not depend on the server, so the definition is copied here and
 * {@code CanonicalTest} pins it with a known vector. For each field, in this order, a 4-byte
 * big-endian length then the bytes (null: length -1, no bytes): global_index (decimal text),
 * event_identifier, aggregate_identifier, sequence_number (decimal text), type, time_stamp,
 * payload_type, payload_revision (UTF-8 text), payload, meta_data (raw bytes).
 * Chain: hash_n = SHA-256(hash_{n-1} ‖ canonical_n), the first predecessor 32 zero bytes.
 */
public final class Canonical {
    public static final byte[] GENESIS = new byte[32];

    private Canonical() {
    }

    public static byte[] bytes(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                               String type, String timeStamp, String payloadType, String payloadRevision,
                               byte[] payload, byte[] metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
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
