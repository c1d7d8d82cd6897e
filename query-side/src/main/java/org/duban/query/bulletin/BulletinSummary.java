package org.duban.query.bulletin;

import java.time.Instant;

/** One bulletin in the list: status DRAFT or PUBLISHED, its official number and how many entries it has. */
public record BulletinSummary(String id, String title, String period, String number, String status, int entryCount,
                       Instant draftedAt, Instant publishedAt, long version) {
}
