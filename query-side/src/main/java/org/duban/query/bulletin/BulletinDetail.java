package org.duban.query.bulletin;

import org.duban.api.issue.BulletinEntryKind;

import java.time.Instant;
import java.util.List;

/** A bulletin with its entries in the order they were added; {@code publishedAt} is null for a draft. */
public record BulletinDetail(String id, String title, String period, String number, String status, Instant draftedAt,
                      Instant publishedAt, long version, List<Entry> entries) {

    /** An entry with the title of the issue it names and, if it names one, the department's code and name. */
    public record Entry(String entryId, String issueId, String issueTitle, BulletinEntryKind kind, String department,
                 String departmentName, String text) {
    }
}
