package org.duban.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issue.LoopStage;
import org.duban.api.issueview.ActorView;
import org.duban.api.issueview.HistoryEntry;
import org.duban.platform.personaldata.PersonalDataVault;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the history table: for the history view, and as typed events for point-in-time folds. */
@Repository
public class IssueHistoryRepository {
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final String EVENT_PACKAGE = IssueEvent.class.getPackageName() + ".";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final PersonalDataVault vault;

    IssueHistoryRepository(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
    }

    /** The entries recorded up to {@code asOf} (all when null), in sequence order. */
    public List<HistoryEntry> entries(String issueId, Instant asOf) {
        return jdbc.query("""
                        select sequence, event_type, recorded_at, actor_id, actor_role, actor_department, loop_stage, summary, payload::text
                        from issue_history where issue_id = ? and recorded_at <= ? order by sequence""",
                (rs, i) -> new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        new ActorView(rs.getString(4), rs.getString(5), rs.getString(6)),
                        rs.getString(7) == null ? null : LoopStage.valueOf(rs.getString(7)), rs.getString(8),
                        displayData(rs.getString(9))),
                issueId, upTo(asOf));
    }

    /** The events recorded up to {@code asOf}, typed, in sequence order. */
    public List<RecordedEvent> events(String issueId, Instant asOf) {
        return jdbc.query("""
                        select event_type, payload::text, recorded_at, sequence
                        from issue_history where issue_id = ? and recorded_at <= ? order by sequence""",
                (rs, i) -> new RecordedEvent(read(rs.getString(1), rs.getString(2)), rs.getTimestamp(3).toInstant(),
                        rs.getLong(4)),
                issueId, upTo(asOf));
    }

    public long version(String issueId) {
        Long version = jdbc.queryForObject("select max(sequence) from issue_history where issue_id = ?", Long.class, issueId);
        return version == null ? -1 : version;
    }

    /**
     * As of any instant past the last storable one, the history is all of it; before the first,
     * none of it. Clamped, because java.sql.Timestamp overflows (a 500) for instants a client may
     * well send, like +999999999-12-31T23:59:59Z.
     */
    private static Timestamp upTo(Instant asOf) {
        if (asOf == null || asOf.isAfter(LATEST)) return Timestamp.from(LATEST);
        return Timestamp.from(asOf.isBefore(EARLIEST) ? EARLIEST : asOf);
    }

    private IssueEvent read(String type, String payload) {
        try {
            return (IssueEvent) json.readValue(payload, Class.forName(EVENT_PACKAGE + type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unknown issue event type in history: " + type, e);
        }
    }

    /** The payload as recorded, except that sealed personal data shows only its subject and whether it is erased. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> displayData(String payload) {
        try {
            Map<String, Object> data = json.readValue(payload, LinkedHashMap.class);
            if (data.get("complainant") instanceof Map<?, ?> sealed) {
                String subject = String.valueOf(sealed.get("subjectId"));
                boolean erased = sealed.get("name") == null && sealed.get("phone") == null && sealed.get("idNumber") == null
                        || vault.isErased(subject);
                data.put("complainant", Map.of("subjectId", subject, "sealed", true, "erased", erased));
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
