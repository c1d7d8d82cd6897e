package org.duban.query.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The in-app inbox. A user sees what is addressed to them and to their department. Rows are
 * keyed by event and recipient, so the same event never puts a second row in anyone's inbox.
 */
@Repository
class Inbox {
    private static final RowMapper<NotificationView> VIEW = (rs, i) -> new NotificationView(rs.getLong("id"),
            NotificationKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
            rs.getString("issue_id"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);
    private static final String MINE = "(recipient_user = ? or recipient_department = ?)";

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void deliver(String eventId, Recipient to, Notice notice, String issueId, Instant at) {
        jdbc.update("""
                        insert into notification_inbox (dedup_key, recipient_user, recipient_department, kind, title, body,
                            issue_id, event_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (dedup_key) do nothing""",
                eventId + "|inbox|" + to.key(), to.userId(), to.department(), notice.kind().name(), notice.title(),
                notice.body(), issueId, eventId, Timestamp.from(at));
    }

    /** Newest first; {@code read} null for all, true for read ones only, false for unread ones only. */
    ResultPage<NotificationView> page(String userId, String department, Boolean read, int page, int size) {
        String filter = MINE + (read == null ? "" : read ? " and read_at is not null" : " and read_at is null");
        Long total = jdbc.queryForObject("select count(*) from notification_inbox where " + filter, Long.class,
                userId, department);
        List<NotificationView> items = jdbc.query("select * from notification_inbox where " + filter
                + " order by created_at desc, id desc limit ? offset ?", VIEW, userId, department, size, (long) page * size);
        return ResultPage.of(items, page, size, total == null ? 0 : total);
    }

    /** Marks one of the user's or their department's notifications read; false if it is not theirs. */
    boolean markRead(long id, String userId, String department, Instant at) {
        return jdbc.update("update notification_inbox set read_at = coalesce(read_at, ?) where id = ? and " + MINE,
                Timestamp.from(at), id, userId, department) == 1;
    }
}
