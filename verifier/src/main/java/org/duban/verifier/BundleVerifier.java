package org.duban.verifier;

import org.duban.api.integrity.CanonicalEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

/**
 * Offline verification of a bundle exported by GET /api/audit/bundle (its README.txt describes the
 * format): recomputes the hash chain over events.ndjson, checks every checkpoint's Ed25519
 * signature (against --pubkey when given, else the bundle's public-key.txt) and that each
 * checkpoint inside the bundle's range matches the recomputed chain.
 *
 * <pre>java -jar verifier.jar bundle.zip [--pubkey &lt;base64 X.509&gt;]</pre>
 * Exit 0 "OK: N events, head &lt;hex&gt;"; exit 1 "BROKEN at global index X (event Y): reason";
 * exit 2 on usage or unreadable input.
 */
public final class BundleVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** The outcome; {@link #message()} is what the command line prints. */
    public record Result(boolean ok, long events, String headHash, Long brokenIndex, String brokenEvent, String reason) {
        public int exitCode() {
            return ok ? 0 : 1;
        }

        public String message() {
            return ok ? "OK: " + events + " events, head " + headHash
                    : "BROKEN at global index " + brokenIndex + " (event " + brokenEvent + "): " + reason;
        }

        static Result broken(long index, String event, String reason) {
            return new Result(false, 0, null, index, event, reason);
        }
    }

    private BundleVerifier() {
    }

    public static void main(String[] args) {
        Path bundle = null;
        String pubkey = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--pubkey") && i + 1 < args.length) pubkey = args[++i];
            else if (bundle == null && !args[i].startsWith("--")) bundle = Path.of(args[i]);
            else {
                bundle = null;
                break;
            }
        }
        if (bundle == null) {
            System.err.println("usage: java -jar verifier.jar bundle.zip [--pubkey <base64 X.509 Ed25519 public key>]");
            System.exit(2);
        }
        try {
            Result result = verify(bundle, pubkey);
            System.out.println(result.message());
            System.exit(result.exitCode());
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read the bundle: " + e);
            System.exit(2);
        }
    }

    /** Verifies a bundle; {@code publicKeyOverride} (base64 X.509), when not null, wins over the bundle's key. */
    public static Result verify(Path bundle, String publicKeyOverride) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            Map<String, String> start = keyValues(text(zip, "chain-start.txt"));
            long from = Long.parseLong(start.getOrDefault("from", "1"));
            long to = Long.parseLong(start.getOrDefault("to", Long.toString(Long.MAX_VALUE)));
            byte[] previous = start.containsKey("previousHash") ? HEX.parseHex(start.get("previousHash")) : CanonicalEvent.GENESIS;
            String keyText = publicKeyOverride != null ? publicKeyOverride : text(zip, "public-key.txt");
            PublicKey key = publicKey(keyText.strip());

            // Checkpoints: every signature must hold; those inside [from, to] are compared with the chain below.
            TreeMap<Long, String> signedHeads = new TreeMap<>();
            JsonNode checkpoints = JSON.readTree(text(zip, "checkpoints.json"));
            for (JsonNode cp : checkpoints) {
                long index = cp.get("globalIndex").asLong();
                String head = cp.get("headHash").asText();
                String message = "duban-checkpoint\n" + index + "\n" + head + "\n" + cp.get("signedAt").asText();
                if (!signatureHolds(key, message, Base64.getDecoder().decode(cp.get("signature").asText()))) {
                    return Result.broken(index, "checkpoint", "checkpoint signature does not verify against the public key");
                }
                if (index >= from && index <= to) signedHeads.put(index, head);
            }

            var entry = zip.getEntry("events.ndjson");
            if (entry == null) throw new IOException("events.ndjson is missing from the bundle");
            long events = 0;
            long last = from - 1;
            String lastEvent = null;
            Map<Long, String> missing = new HashMap<>();
            Long firstMissing = null;
            try (InputStream in = zip.getInputStream(entry);
                 BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) continue;
                    JsonNode e = JSON.readTree(line);
                    long index = e.get("globalIndex").asLong();
                    String id = textOrNull(e, "eventIdentifier");
                    String chainedId = textOrNull(e, "chainedEventIdentifier");
                    if (index <= last || index < from || index > to) {
                        return Result.broken(index, id, "EXTRA_OR_REORDERED_ROW: out of global order or outside the bundle range");
                    }
                    last = index;
                    if (e.path("missing").asBoolean(false)) {
                        // a chained event whose row is gone; rows after it make it a gap, none a truncated tail
                        if (firstMissing == null) firstMissing = index;
                        missing.put(index, chainedId);
                        continue;
                    }
                    if (firstMissing != null) {
                        return Result.broken(firstMissing, missing.get(firstMissing), "ROW_MISSING: a chained event is not in the store");
                    }
                    String hash = textOrNull(e, "hash");
                    if (hash == null || chainedId == null || !chainedId.equals(id)) {
                        return Result.broken(index, id, "EXTRA_OR_REORDERED_ROW: the chain recorded "
                                + (chainedId == null ? "no event" : "event " + chainedId) + " at this index");
                    }
                    byte[] recomputed = CanonicalEvent.link(previous, CanonicalEvent.bytes(index, id, textOrNull(e, "aggregateIdentifier"),
                            e.get("sequenceNumber").asLong(), textOrNull(e, "type"), textOrNull(e, "timeStamp"),
                            textOrNull(e, "payloadType"), textOrNull(e, "payloadRevision"), bytes(e, "payload"),
                            bytes(e, "metaData")));
                    if (!Arrays.equals(recomputed, HEX.parseHex(hash))) {
                        return Result.broken(index, id, "PAYLOAD_OR_METADATA_ALTERED: the recomputed hash differs from the chain "
                                + "(this event, or one before it in the bundle, was altered or removed)");
                    }
                    String signed = signedHeads.get(index);
                    if (signed != null && !signed.equalsIgnoreCase(HEX.formatHex(recomputed))) {
                        return Result.broken(index, id, "the chain differs from the signed checkpoint at this index (chain rebuilt)");
                    }
                    previous = recomputed;
                    events++;
                    lastEvent = id;
                }
            }
            if (firstMissing != null) {
                return Result.broken(firstMissing, missing.get(firstMissing), "TRUNCATED_TAIL: chained events missing from the end of the store");
            }
            var unmatched = signedHeads.higherEntry(last);
            if (unmatched != null) {
                return Result.broken(last + 1, lastEvent == null ? "none" : "after " + lastEvent,
                        "TRUNCATED_TAIL: the bundle ends at global index " + last + " but a signed checkpoint covers "
                                + unmatched.getKey());
            }
            if (to != Long.MAX_VALUE && last < to) {
                return Result.broken(last + 1, lastEvent == null ? "none" : "after " + lastEvent,
                        "TRUNCATED_TAIL: the bundle ends at global index " + last + " but chain-start.txt says to=" + to);
            }
            return new Result(true, events, HEX.formatHex(previous), null, null, null);
        }
    }

    private static boolean signatureHolds(PublicKey key, String message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key: " + e.getMessage(), e);
        }
    }

    private static String text(ZipFile zip, String name) throws IOException {
        var entry = zip.getEntry(name);
        if (entry == null) throw new IOException(name + " is missing from the bundle");
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return values;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static byte[] bytes(JsonNode node, String field) {
        String v = textOrNull(node, field);
        return v == null ? null : Base64.getDecoder().decode(v);
    }
}
