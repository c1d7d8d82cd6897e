package org.duban.query.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;


/** The little the notifications need to know of each issue, kept in their own table. */
@Repository
class NotifiedIssues {
    private final JdbcTemplate jdbc;

    NotifiedIssues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Issue(String id, String title, String raisedBy, String ownerDepartment) {
    }

    void raised(String issueId, String title, String raisedBy) {
        jdbc.update("""
                insert into notification_issue (issue_id, title, raised_by) values (?, ?, ?)
                on conflict (issue_id) do update set title = excluded.title, raised_by = excluded.raised_by""",
                issueId, title, raisedBy);
    }

    void ownerChanged(String issueId, String department) {
        jdbc.update("update notification_issue set owner_department = ? where issue_id = ?", department, issueId);
    }

    /** The issue, or a stand-in named by its id if its raise was never seen. */
    Issue find(String issueId) {
        return jdbc.query("select issue_id, title, raised_by, owner_department from notification_issue where issue_id = ?",
                        (rs, i) -> new Issue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), issueId)
                .stream().findFirst()
                .orElseGet(() -> new Issue(issueId, "问题 " + issueId, null, null));
    }

    void deleteAll() {
        jdbc.update("delete from notification_issue");
    }
}
