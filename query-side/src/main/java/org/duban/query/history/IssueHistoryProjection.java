package org.duban.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.duban.api.actor.ActorMetaData;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issue.IssueRaised;
import org.duban.api.issue.LoopStage;
import org.duban.api.personaldata.SubjectErased;
import org.duban.platform.personaldata.PersonalDataVault;
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
    private final PersonalDataVault vault;

    IssueHistoryProjection(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
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
                stage == null ? null : stage.name(), HistoryWording.summary(event), payload(event));
    }

    /** Crypto-shredding: the key is gone; the recorded payload keeps only the subject id, no ciphertext. */
    @EventHandler
    void on(SubjectErased event) {
        jdbc.update("""
                update issue_history set payload = jsonb_set(payload, '{complainant}',
                    jsonb_build_object('subjectId', payload->'complainant'->'subjectId', 'name', null, 'phone', null, 'idNumber', null))
                where payload->'complainant'->>'subjectId' = ?""", event.subjectId());
    }

    /**
     * The event as JSON. Segments run in parallel, so on a replay the erasure may be handled before
     * the event that carries the complainant: ciphertexts of an erased subject are never recorded.
     */
    private String payload(IssueEvent event) throws Exception {
        if (!(event instanceof IssueRaised raised) || raised.complainant() == null
                || !vault.isErased(raised.complainant().subjectId())) {
            return json.writeValueAsString(event);
        }
        ObjectNode payload = json.valueToTree(event);
        payload.set("complainant", json.valueToTree(PersonalDataVault.shredded(raised.complainant())));
        return json.writeValueAsString(payload);
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
