package org.duban.query.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One round with its findings and how far their issues have come. A finding's {@code issueStatus}
 * is null until its issue is raised (a moment after the finding).
 */
public record RoundView(String id, String title, String kind, LocalDate plannedDate, List<String> departments, String status,
                 long version, Instant plannedAt, String plannedBy, List<Finding> findings, Progress progress) {

    public record Finding(String findingId, String issueId, String title, String category, String severity, String department,
                   String step, Instant recordedAt, String recordedBy, String source, String issueStatus,
                   String ownerDepartment) {
    }

    /** {@code done}: issues closed (销号) or confirmed effective; {@code percentage} of {@code total}, rounded down. */
    public record Progress(int total, int done, int percentage) {
    }

    RoundView with(List<Finding> findings) {
        int done = (int) findings.stream()
                .filter(f -> "CLOSED".equals(f.issueStatus()) || "EFFECTIVE".equals(f.issueStatus())).count();
        int total = findings.size();
        return new RoundView(id, title, kind, plannedDate, departments, status, version, plannedAt, plannedBy,
                List.copyOf(findings), new Progress(total, done, total == 0 ? 0 : done * 100 / total));
    }
}
