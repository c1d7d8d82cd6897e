package org.duban.query.history;

import jakarta.validation.constraints.Min;
import org.duban.api.actor.Actor;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.issue.IssueEvent;
import org.duban.api.issueview.HistoryEntry;
import org.duban.platform.security.CurrentActor;
import org.duban.query.issuestate.IssueFold;
import org.duban.query.issuestate.IssueState;
import org.duban.query.web.ReadAccess;
import org.duban.query.web.ReadYourWrites;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The closed-loop history of one issue: every event, actor, time and reason, in order. */
@RestController
public class IssueHistoryController {
    private final IssueHistoryRepository history;
    private final ReadYourWrites readYourWrites;

    IssueHistoryController(IssueHistoryRepository history, ReadYourWrites readYourWrites) {
        this.history = history;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/issues/{id}/history")
    public List<HistoryEntry> history(@PathVariable String id,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                               @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.await(minVersion, () -> history.version(id));
        List<RecordedEvent> events = history.events(id, asOf);
        if (events.isEmpty()) throw new DomainRefusal(ErrorCode.ISSUE_NOT_FOUND, "No such issue: " + id + ".");
        requireVisible(events);
        return history.entries(id, asOf);
    }

    /** Department users see the history of issues their department handles (now, or at asOf). */
    private static void requireVisible(List<RecordedEvent> events) {
        Actor actor = CurrentActor.require();
        IssueState state = new IssueState();
        for (RecordedEvent e : events) IssueFold.apply(state, e.event(), e.recordedAt(), e.sequence());
        ReadAccess.requireVisible(actor, state.departments());
    }
}
