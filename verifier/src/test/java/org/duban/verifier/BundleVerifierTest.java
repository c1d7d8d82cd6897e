package org.duban.verifier;

import org.duban.api.integrity.CanonicalEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-made bundles: intact, and each kind of damage, with the exit code and the first index reported. */
class BundleVerifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private KeyPair key;
    private List<ObjectNode> events;
    private final List<ObjectNode> checkpoints = new ArrayList<>();

    @BeforeEach
    void events() throws GeneralSecurityException {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        events = new ArrayList<>();
        byte[] previous = CanonicalEvent.GENESIS;
        long[] indexes = {1, 2, 4, 5, 6}; // 3 is a hole of the store: never chained
        for (int i = 0; i < indexes.length; i++) {
            long index = indexes[i];
            byte[] payload = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            byte[] meta = "{}".getBytes(StandardCharsets.UTF_8);
            previous = CanonicalEvent.link(previous, CanonicalEvent.bytes(index, "e" + index, "agg", i, "Issue",
                    "2026-01-01T00:00:0" + i + "Z", "org.duban.X", null, payload, meta));
            ObjectNode e = JSON.createObjectNode().put("globalIndex", index).put("eventIdentifier", "e" + index)
                    .put("aggregateIdentifier", "agg").put("sequenceNumber", i).put("type", "Issue")
                    .put("timeStamp", "2026-01-01T00:00:0" + i + "Z").put("payloadType", "org.duban.X")
                    .putNull("payloadRevision").put("payload", Base64.getEncoder().encodeToString(payload))
                    .put("metaData", Base64.getEncoder().encodeToString(meta))
                    .put("hash", HexFormat.of().formatHex(previous)).put("chainedEventIdentifier", "e" + index);
            events.add(e);
        }
        checkpoint(4, events.get(2).get("hash").asText(), key);
        checkpoint(6, events.get(4).get("hash").asText(), key);
    }

    @Test
    void an_intact_bundle_verifies() throws IOException {
        BundleVerifier.Result r = BundleVerifier.verify(bundle(6), null);
        assertThat(r.exitCode()).as(r.message()).isZero();
        assertThat(r.message()).isEqualTo("OK: 5 events, head " + events.get(4).get("hash").asText());
    }

    @Test
    void an_altered_payload_is_reported_at_its_index() throws IOException {
        events.get(1).put("payload", Base64.getEncoder().encodeToString("{\"n\":9}".getBytes(StandardCharsets.UTF_8)));
        assertBroken(BundleVerifier.verify(bundle(6), null), 2, "PAYLOAD_OR_METADATA_ALTERED");
    }

    @Test
    void a_missing_row_is_reported_at_its_index() throws IOException {
        ObjectNode gone = events.get(2);
        events.set(2, JSON.createObjectNode().put("globalIndex", 4).put("missing", true)
                .put("hash", gone.get("hash").asText()).put("chainedEventIdentifier", "e4"));
        assertBroken(BundleVerifier.verify(bundle(6), null), 4, "ROW_MISSING");
    }

    @Test
    void a_line_removed_from_the_bundle_breaks_at_the_next_event() throws IOException {
        events.remove(2);
        assertBroken(BundleVerifier.verify(bundle(6), null), 5, "PAYLOAD_OR_METADATA_ALTERED");
    }

    @Test
    void reordered_lines_are_reported_at_the_first_out_of_place() throws IOException {
        ObjectNode a = events.get(1);
        events.set(1, events.get(3));
        events.set(3, a);
        assertBroken(BundleVerifier.verify(bundle(6), null), 5, "PAYLOAD_OR_METADATA_ALTERED");
        // and two events swapped in the store (each keeps its index, the chain disagrees)
        events.set(3, events.get(1));
        events.set(1, a);
        events.get(1).put("eventIdentifier", "e5").put("chainedEventIdentifier", "e2");
        assertBroken(BundleVerifier.verify(bundle(6), null), 2, "EXTRA_OR_REORDERED_ROW");
    }

    @Test
    void a_truncated_bundle_is_reported_after_its_last_event() throws IOException {
        events.remove(4);
        events.remove(3);
        assertBroken(BundleVerifier.verify(bundle(6), null), 5, "TRUNCATED_TAIL");
        // a truncated store: the chain entries remain as missing lines
        events.add(JSON.createObjectNode().put("globalIndex", 5).put("missing", true).put("chainedEventIdentifier", "e5"));
        events.add(JSON.createObjectNode().put("globalIndex", 6).put("missing", true).put("chainedEventIdentifier", "e6"));
        assertBroken(BundleVerifier.verify(bundle(6), null), 5, "TRUNCATED_TAIL");
    }

    @Test
    void a_rebuilt_chain_fails_against_the_checkpoints_and_a_foreign_key_fails_every_signature() throws Exception {
        // whoever controls the database rebuilds the chain consistently after editing event 2 ...
        events.get(1).put("payload", Base64.getEncoder().encodeToString("{\"n\":9}".getBytes(StandardCharsets.UTF_8)));
        byte[] previous = CanonicalEvent.GENESIS;
        for (ObjectNode e : events) {
            previous = CanonicalEvent.link(previous, CanonicalEvent.bytes(e.get("globalIndex").asLong(), e.get("eventIdentifier").asText(),
                    "agg", e.get("sequenceNumber").asLong(), "Issue", e.get("timeStamp").asText(), "org.duban.X", null,
                    Base64.getDecoder().decode(e.get("payload").asText()), Base64.getDecoder().decode(e.get("metaData").asText())));
            e.put("hash", HexFormat.of().formatHex(previous));
        }
        // ... the old signed checkpoints give it away
        assertBroken(BundleVerifier.verify(bundle(6), null), 4, "signed checkpoint");
        // ... and re-signing with a new key is caught by the key the auditor kept
        checkpoints.clear();
        KeyPair forged = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        checkpoint(6, events.get(4).get("hash").asText(), forged);
        Path bundle = bundle(6, forged);
        assertThat(BundleVerifier.verify(bundle, null).ok()).as("the bundle's own key").isTrue();
        BundleVerifier.Result kept = BundleVerifier.verify(bundle, Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        assertBroken(kept, 6, "signature");
    }

    private void assertBroken(BundleVerifier.Result r, long index, String reason) {
        assertThat(r.exitCode()).as(r.message()).isEqualTo(1);
        assertThat(r.brokenIndex()).as(r.message()).isEqualTo(index);
        assertThat(r.message()).startsWith("BROKEN at global index " + index + " (event ").contains(reason);
    }

    private void checkpoint(long index, String head, KeyPair signer) {
        try {
            String signedAt = "2026-01-01T00:01:00.123Z";
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signer.getPrivate());
            s.update(("duban-checkpoint\n" + index + "\n" + head + "\n" + signedAt).getBytes(StandardCharsets.UTF_8));
            checkpoints.add(JSON.createObjectNode().put("globalIndex", index).put("headHash", head).put("signedAt", signedAt)
                    .put("signature", Base64.getEncoder().encodeToString(s.sign())).put("keyId", "test"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path bundle(long to) throws IOException {
        return bundle(to, key);
    }

    private Path bundle(long to, KeyPair publicKeyOwner) throws IOException {
        Path file = Files.createTempFile(dir, "bundle", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "chain-start.txt", "from=1\nto=" + to + "\npreviousHash=" + "0".repeat(64) + "\n");
            put(zip, "public-key.txt", Base64.getEncoder().encodeToString(publicKeyOwner.getPublic().getEncoded()) + "\n");
            put(zip, "checkpoints.json", JSON.writeValueAsString(checkpoints));
            StringBuilder ndjson = new StringBuilder();
            for (ObjectNode e : events) ndjson.append(JSON.writeValueAsString(e)).append('\n');
            put(zip, "events.ndjson", ndjson.toString());
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
