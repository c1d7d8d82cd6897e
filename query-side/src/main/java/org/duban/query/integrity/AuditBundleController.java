package org.duban.query.integrity;

import org.duban.platform.axonserver.ReadsEventTable;
import org.duban.api.integrity.CanonicalEvent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.actor.Actor;
import org.duban.api.actor.Role;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.platform.security.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Signed checkpoints and the offline-verifiable bundle (API.md, DOMAIN.md "Investigations",
 * "Anchoring"), for auditors and administrators. The bundle is a ZIP streamed from one
 * repeatable-read snapshot with a cursor, never held in memory; its format is in {@link #README}.
 */
@ReadsEventTable
@RestController
class AuditBundleController {
    private static final int FETCH_SIZE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String README = """
            Duban event bundle — verifiable offline with: java -jar verifier.jar bundle.zip [--pubkey <base64>]

            chain-start.txt   from=<first global index covered>, to=<last global index covered: the chain head
                              at export, or the requested bound>, previousHash=<hex chain hash of the last chained
                              event before `from` (64 zeros when none: the genesis)>.
            events.ndjson     one JSON object per line, in global order, for every stored event and every chain entry
                              in [from, to]: globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                              timeStamp, payloadType, payloadRevision (text, as stored), payload and metaData (base64
                              of the stored bytes), hash (hex chain hash recorded for that index, null if none) and
                              chainedEventIdentifier (the event the chain recorded there, null if none). A chain entry
                              whose row is gone from the store is a line with "missing": true.
            checkpoints.json  every signed checkpoint: [{globalIndex, headHash (hex), signedAt (ISO-8601), signature
                              (base64), keyId}].
            public-key.txt    the Ed25519 public key, X.509 SubjectPublicKeyInfo DER, base64.

            Canonical bytes of an event: for each field in the order globalIndex, eventIdentifier, aggregateIdentifier,
            sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData — a 4-byte big-endian
            length then the bytes (text as UTF-8, numbers as decimal text; null is length -1 and no bytes).
            Chain: hash_n = SHA-256(hash_{n-1} || canonical_n), starting from previousHash.
            Checkpoint signature: Ed25519 over the UTF-8 text
              "duban-checkpoint\\n{globalIndex}\\n{headHash hex}\\n{signedAt ISO-8601}".
            Keep the public key (and checkpoints) you received earlier: verification against your own copy
            (--pubkey) proves the chain was not rebuilt by whoever controls the database.
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final CheckpointKeys keys;

    AuditBundleController(JdbcTemplate jdbc, PlatformTransactionManager transactions, CheckpointKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    record CheckpointView(long globalIndex, String headHash, String signedAt, String signature, String keyId) {
    }

    record Checkpoints(String publicKey, String algorithm, List<CheckpointView> checkpoints) {
    }

    @GetMapping("/api/audit/checkpoints")
    Checkpoints checkpoints() {
        requireAuditor();
        return new Checkpoints(keys.publicKeyBase64(), CheckpointKeys.ALGORITHM, loadCheckpoints());
    }

    @GetMapping("/api/audit/bundle")
    ResponseEntity<StreamingResponseBody> bundle(@RequestParam(required = false) Long from,
                                                 @RequestParam(required = false) Long to) {
        requireAuditor();
        if (from != null && to != null && from > to) {
            throw new DomainRefusal(ErrorCode.VALIDATION_FAILED, "from must not exceed to.");
        }
        String publicKey = keys.publicKeyBase64();
        StreamingResponseBody body = out -> snapshot.executeWithoutResult(status -> {
            try {
                write(out, from == null ? 1 : Math.max(1, from), to, publicKey);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"duban-bundle.zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(body);
    }

    private void write(OutputStream response, long from, Long requestedTo, String publicKey) throws IOException {
        Long head = jdbc.queryForObject("select max(global_index) from event_chain", Long.class);
        long to = Math.min(head == null ? 0 : head, requestedTo == null ? Long.MAX_VALUE : requestedTo);
        List<byte[]> before = jdbc.query("select hash from event_chain where global_index < ? order by global_index desc limit 1",
                (rs, i) -> rs.getBytes(1), from);
        String previous = CanonicalEvent.hex(before.isEmpty() ? CanonicalEvent.GENESIS : before.getFirst());
        ZipOutputStream zip = new ZipOutputStream(response, StandardCharsets.UTF_8);
        entry(zip, "README.txt", README);
        entry(zip, "public-key.txt", publicKey + "\n");
        entry(zip, "chain-start.txt", "from=" + from + "\nto=" + to + "\npreviousHash=" + previous + "\n");
        zip.putNextEntry(new ZipEntry("checkpoints.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(loadCheckpoints()));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("events.ndjson"));
        JsonGenerator json = JSON.getFactory().createGenerator(new NonClosing(zip));
        json.setRootValueSeparator(null);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        streaming.query("""
                select coalesce(e.global_index, c.global_index) as position, c.event_identifier as chained_identifier,
                       c.hash as chained_hash, e.global_index, e.event_identifier, e.aggregate_identifier,
                       e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data
                from (select * from domain_event_entry where global_index between ? and ?) e
                full outer join (select * from event_chain where global_index between ? and ?) c
                  on c.global_index = e.global_index
                order by position""", (ResultSet rs) -> {
            try {
                line(json, rs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, from, to, from, to);
        json.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static void line(JsonGenerator json, ResultSet rs) throws SQLException, IOException {
        byte[] chainHash = rs.getBytes("chained_hash");
        json.writeStartObject();
        json.writeNumberField("globalIndex", rs.getLong("position"));
        if (rs.getString("event_identifier") == null) {
            json.writeBooleanField("missing", true);
        } else {
            json.writeStringField("eventIdentifier", rs.getString("event_identifier"));
            json.writeStringField("aggregateIdentifier", rs.getString("aggregate_identifier"));
            json.writeNumberField("sequenceNumber", rs.getLong("sequence_number"));
            json.writeStringField("type", rs.getString("type"));
            json.writeStringField("timeStamp", rs.getString("time_stamp"));
            json.writeStringField("payloadType", rs.getString("payload_type"));
            json.writeStringField("payloadRevision", rs.getString("payload_revision"));
            json.writeStringField("payload", base64(rs.getBytes("payload")));
            json.writeStringField("metaData", base64(rs.getBytes("meta_data")));
        }
        json.writeStringField("hash", CanonicalEvent.hex(chainHash));
        json.writeStringField("chainedEventIdentifier", rs.getString("chained_identifier"));
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private List<CheckpointView> loadCheckpoints() {
        return jdbc.query("select global_index, head_hash, signed_at, signature, key_id from event_checkpoint order by id",
                (rs, i) -> new CheckpointView(rs.getLong(1), CanonicalEvent.hex(rs.getBytes(2)),
                        rs.getTimestamp(3).toInstant().toString(), base64(rs.getBytes(4)), rs.getString(5)));
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void requireAuditor() {
        Actor actor = CurrentActor.require();
        if (actor.role() != Role.AUDITOR && actor.role() != Role.ADMIN) {
            throw new DomainRefusal(ErrorCode.FORBIDDEN, "Only auditors and administrators read the audit bundle and checkpoints.");
        }
    }

    /** Keeps the JSON generator from closing the ZIP entry stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
