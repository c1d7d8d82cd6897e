package org.duban.api.issueview;

import org.duban.api.issue.LoopStage;

import java.time.Instant;
import java.util.Map;

/**
 * One event in an issue's history. {@code occurredAt} is the record time (when the system
 * learned it); {@code data} is the event's payload as recorded, personal data left sealed.
 */
public record HistoryEntry(long sequence, String type, Instant occurredAt, ActorView actor, LoopStage loopStage,
                           String summary, Map<String, Object> data) {
}
