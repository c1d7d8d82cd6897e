package org.duban.api.inspection;

import org.axonframework.serialization.Revision;
import org.duban.api.department.DepartmentCode;
import org.duban.api.issue.Category;
import org.duban.api.issue.IssueId;
import org.duban.api.issue.Severity;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A finding was recorded in a round of {@code kind}; the issue it raises has the id
 * {@link #issueIdFor(String, String)}, so raising it again can never create a second issue.
 */
@Revision("1")
public record FindingRecorded(String roundId, String findingId, String title, String description, Category category,
                              Severity severity, DepartmentCode department, PartyRoundStep step, RoundKind kind,
                              IssueId issueId) implements InspectionRoundEvent {

    /** The id of the issue a finding raises: the same round and finding always give the same issue. */
    public static IssueId issueIdFor(String roundId, String findingId) {
        return new IssueId(UUID.nameUUIDFromBytes((roundId + "/" + findingId).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
