package org.duban.query.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * E-mails and webhook calls waiting to leave. Written by the projection in its token's
 * transaction, keyed by event, channel and target, so a replay never queues a message twice;
 * claimed row by row with {@code for update skip locked}, so several query nodes can send side
 * by side without sending anything twice.
 */
@Repository
class Outbox {
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void enqueue(String eventId, OutboxMessage.Channel channel, String target, String subject, String body,
                 String eventType, String issueId, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                        insert into notification_outbox (dedup_key, channel, target, subject, body, event_type, issue_id,
                            event_id, next_attempt_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (dedup_key) do nothing""",
                eventId + "|" + channel + "|" + target, channel.name(), target, subject, body, eventType, issueId, eventId,
                at, at, at);
    }

    /** Locks the next due message until the caller's transaction ends; other nodes skip it meanwhile. */
    Optional<OutboxMessage> claimNext(Instant now) {
        return jdbc.query("""
                        select id, channel, target, subject, body, event_type, attempts from notification_outbox
                        where status = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at, id limit 1 for update skip locked""",
                (rs, i) -> new OutboxMessage(rs.getLong(1), OutboxMessage.Channel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)),
                Timestamp.from(now)).stream().findFirst();
    }

    void sent(long id, Instant now) {
        jdbc.update("update notification_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, updated_at = ?,"
                + " last_error = null where id = ?", Timestamp.from(now), Timestamp.from(now), id);
    }

    void failed(long id, int attempts, String error, Instant now, Instant nextAttempt) {
        jdbc.update("update notification_outbox set attempts = ?, last_error = ?, next_attempt_at = ?, updated_at = ? where id = ?",
                attempts, truncate(error), Timestamp.from(nextAttempt), Timestamp.from(now), id);
    }

    void dead(long id, int attempts, String error, Instant now) {
        jdbc.update("update notification_outbox set status = 'DEAD', attempts = ?, last_error = ?, updated_at = ? where id = ?",
                attempts, truncate(error), Timestamp.from(now), id);
    }

    ResultPage<DeadLetterView> deadLetters(int page, int size) {
        Long total = jdbc.queryForObject("select count(*) from notification_outbox where status = 'DEAD'", Long.class);
        List<DeadLetterView> items = jdbc.query("""
                        select id, channel, target, subject, event_type, issue_id, event_id, attempts, last_error, created_at,
                            updated_at
                        from notification_outbox where status = 'DEAD' order by updated_at desc, id desc limit ? offset ?""",
                (rs, i) -> new DeadLetterView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant()),
                size, (long) page * size);
        return ResultPage.of(items, page, size, total == null ? 0 : total);
    }

    /** Gives a dead message a fresh set of attempts, starting now; false if there is no such dead message. */
    boolean retry(long id, Instant now) {
        return jdbc.update("""
                        update notification_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, updated_at = ?
                        where id = ? and status = 'DEAD'""",
                Timestamp.from(now), Timestamp.from(now), id) == 1;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
