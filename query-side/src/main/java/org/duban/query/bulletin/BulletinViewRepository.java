package org.duban.query.bulletin;

import org.duban.api.bulletin.BulletinDrafted;
import org.duban.api.bulletin.BulletinEntryAdded;
import org.duban.api.issue.BulletinEntryKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The bulletin tables: written by the projection, read by the bulletin controller. */
@Repository
class BulletinViewRepository {
    private static final String COLUMNS = "bulletin_id, title, period, status, version, drafted_at, published_at";

    private final JdbcTemplate jdbc;

    BulletinViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void issueTitled(String issueId, String title) {
        jdbc.update("insert into bulletin_issue_title (issue_id, title) values (?, ?) on conflict (issue_id) do update set title = excluded.title",
                issueId, title);
    }

    void drafted(BulletinDrafted e, Instant at, String userId) {
        jdbc.update("""
                        insert into bulletin (bulletin_id, title, period, status, version, drafted_at, drafted_by)
                        values (?, ?, ?, 'DRAFT', 0, ?, ?) on conflict (bulletin_id) do nothing""",
                e.bulletinId(), e.title(), e.period(), Timestamp.from(at), userId);
    }

    void entryAdded(BulletinEntryAdded e, long sequence) {
        if (jdbc.update("update bulletin set version = ? where bulletin_id = ? and version < ?", sequence, e.bulletinId(), sequence) == 0) return;
        jdbc.update("""
                        insert into bulletin_entry (bulletin_id, position, entry_id, issue_id, kind, department, text)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                e.bulletinId(), sequence, e.entryId(), e.issueId().value(), e.kind().name(),
                e.department() == null ? null : e.department().value(), e.text());
    }

    void published(String bulletinId, long sequence, Instant at, String userId) {
        jdbc.update("""
                        update bulletin set status = 'PUBLISHED', version = ?, published_at = ?, published_by = ?
                        where bulletin_id = ? and version < ?""",
                sequence, Timestamp.from(at), userId, bulletinId, sequence);
    }

    void deleteAll() {
        jdbc.update("delete from bulletin_entry");
        jdbc.update("delete from bulletin");
        jdbc.update("delete from bulletin_issue_title");
    }

    /** The bulletin's version, -1 while the view does not know it yet. */
    long version(String bulletinId) {
        List<Long> v = jdbc.queryForList("select version from bulletin where bulletin_id = ?", Long.class, bulletinId);
        return v.isEmpty() ? -1 : v.getFirst();
    }

    /** Newest first; {@code period} and {@code publishedOnly} narrow the list when given. */
    List<BulletinRow> list(String period, boolean publishedOnly) {
        return jdbc.query("select " + COLUMNS + """
                         , (select count(*) from bulletin_entry e where e.bulletin_id = b.bulletin_id) as entry_count
                        from bulletin b
                        where (cast(? as varchar) is null or period = ?) and (not ? or status = 'PUBLISHED')
                        order by period desc, drafted_at desc limit 500""",
                (rs, i) -> row(rs, rs.getInt("entry_count")), period, period, publishedOnly);
    }

    Optional<BulletinRow> find(String bulletinId) {
        return jdbc.query("select " + COLUMNS + " from bulletin where bulletin_id = ?", (rs, i) -> row(rs, 0), bulletinId)
                .stream().findFirst();
    }

    /** The entries in the order they were added, with the titles of the issues they name. */
    List<EntryRow> entries(String bulletinId) {
        return jdbc.query("""
                        select e.entry_id, e.issue_id, t.title, e.kind, e.department, e.text
                        from bulletin_entry e left join bulletin_issue_title t on t.issue_id = e.issue_id
                        where e.bulletin_id = ? order by e.position""",
                (rs, i) -> new EntryRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        BulletinEntryKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)),
                bulletinId);
    }

    private static BulletinRow row(ResultSet rs, int entryCount) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new BulletinRow(rs.getString("bulletin_id"), rs.getString("title"), rs.getString("period"),
                rs.getString("status"), rs.getLong("version"), rs.getTimestamp("drafted_at").toInstant(),
                published == null ? null : published.toInstant(), entryCount);
    }

    record BulletinRow(String id, String title, String period, String status, long version, Instant draftedAt,
                       Instant publishedAt, int entryCount) {
        boolean isPublished() {
            return "PUBLISHED".equals(status);
        }
    }

    record EntryRow(String entryId, String issueId, String issueTitle, BulletinEntryKind kind, String department, String text) {
    }
}
