package org.duban.api.issue;

import java.time.LocalDate;

/** One milestone of a rectification plan (整改方案). */
public record Milestone(String title, LocalDate dueDate) {
}
