package org.duban.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issue.LoopStage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps every event of every issue, in order, with its actor and loop stage. Replaying it is
 * harmless: an event already recorded is skipped.
 */
@Component
@ProcessingGroup(IssueHistoryProjection.GROUP)
class IssueHistoryProjection {
    static final String GROUP = "issue-history";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IssueHistoryProjection(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(IssueEvent event, EventMessage<?> message, @Timestamp Instant at, @SequenceNumber long sequence) throws Exception {
        MetaData meta = message.getMetaData();
        LoopStage stage = HistoryWording.loopStage(event);
        jdbc.update("""
                        insert into issue_history (issue_id, sequence, event_id, event_type, recorded_at, actor_id, actor_role,
                            actor_department, correlation_id, loop_stage, summary, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        on conflict (issue_id, sequence) do nothing""",
                event.issueId().value(), sequence, message.getIdentifier(), event.getClass().getSimpleName(),
                java.sql.Timestamp.from(at), text(meta, ActorMetaData.USER_ID), text(meta, ActorMetaData.ROLE),
                text(meta, ActorMetaData.DEPARTMENT), text(meta, ActorMetaData.CORRELATION_ID),
                stage == null ? null : stage.name(), HistoryWording.summary(event), json.writeValueAsString(event));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from issue_history");
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
