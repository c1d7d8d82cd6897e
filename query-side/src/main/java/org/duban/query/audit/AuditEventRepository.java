package org.duban.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the event store itself (domain_event_entry: the source of truth, append-only), never a
 * projection. Exports stream row by row through a server-side cursor.
 */
@Repository
class AuditEventRepository {
    static final int STREAM_FETCH_SIZE = 1000;
    private static final String COLUMNS = """
            select global_index, event_identifier, payload_type, type, aggregate_identifier, sequence_number,
                   time_stamp, meta_data, payload
            from domain_event_entry""";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json = new ObjectMapper();

    AuditEventRepository(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    AuditEvent.Page page(AuditFilter filter, int page, int size) {
        AuditFilter.Condition c = filter.condition();
        Long total = jdbc.queryForObject("select count(*) from domain_event_entry" + c.sql(), Long.class, c.params());
        Object[] params = java.util.Arrays.copyOf(c.params(), c.params().length + 2);
        params[params.length - 2] = size;
        params[params.length - 1] = (long) page * size;
        List<AuditEvent> items = jdbc.query(COLUMNS + c.sql() + " order by global_index limit ? offset ?", mapper(), params);
        return new AuditEvent.Page(items, page, size, total == null ? 0 : total);
    }

    /**
     * Hands every matching event, in global order, to {@code sink} as it is read. PostgreSQL uses a
     * cursor (and honours the fetch size) only with autocommit off, hence the read-only transaction.
     */
    void stream(AuditFilter filter, Consumer<AuditEvent> sink) {
        AuditFilter.Condition c = filter.condition();
        RowMapper<AuditEvent> mapper = mapper();
        readOnly.executeWithoutResult(status -> streaming.query(COLUMNS + c.sql() + " order by global_index",
                rs -> { sink.accept(mapper.mapRow(rs, 0)); }, c.params()));
    }

    private RowMapper<AuditEvent> mapper() {
        return (rs, i) -> {
            JsonNode meta = parse(rs.getBytes(8));
            return new AuditEvent(rs.getLong(1), rs.getString(2), simpleName(rs.getString(3)), rs.getString(4),
                    rs.getString(5), rs.getLong(6), rs.getString(7),
                    new AuditEvent.Actor(text(meta, "userId"), text(meta, "role"), text(meta, "department")),
                    text(meta, "correlationId"), text(meta, "clientAddress"), displayData(rs.getBytes(9)));
        };
    }

    static String simpleName(String payloadType) {
        if (payloadType == null) return null;
        int cut = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(cut + 1);
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) return json.createObjectNode();
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The payload as recorded, except that every sealed complainant shows only its subject. */
    private Object displayData(byte[] payload) {
        JsonNode data = parse(payload);
        seal(data);
        return json.convertValue(data, Object.class);
    }

    private void seal(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if ("complainant".equals(f.getKey()) && f.getValue().isObject()) {
                    ObjectNode sealed = json.createObjectNode();
                    JsonNode subject = f.getValue().get("subjectId");
                    sealed.set("subjectId", subject == null ? json.nullNode() : subject);
                    sealed.put("sealed", true);
                    f.setValue(sealed);
                } else {
                    seal(f.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(this::seal);
        }
    }
}
