package org.duban.query.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * One round in the list: {@code findings} recorded; {@code open}: their issues not yet closed,
 * effective or withdrawn (or not raised yet); {@code closed}: closed (销号) or confirmed effective.
 * {@code status} is the round's own: OPEN for findings, or CLOSED.
 */
public record RoundSummary(String id, String title, String kind, LocalDate plannedDate, List<String> departments, String status,
                    long version, long findings, long open, long closed) {
}
