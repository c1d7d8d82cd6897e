package org.duban.query.loop;

import jakarta.validation.constraints.Min;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.issue.LoopStage;
import org.duban.api.issueview.HistoryEntry;
import org.duban.api.issueview.LoopView;
import org.duban.platform.security.CurrentActor;
import org.duban.query.history.IssueHistoryRepository;
import org.duban.query.history.RecordedEvent;
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
import java.util.Arrays;
import java.util.List;

/**
 * The five loop stages of one issue, now or as known at {@code asOf}: a stage is complete when
 * its deciding event happened (a review, an assessment, a bulletin, a verified rectification, a
 * confirmed effectiveness check); every event that belongs to a stage is listed under it.
 */
@RestController
public class IssueLoopController {
    private final IssueHistoryRepository history;
    private final ReadYourWrites readYourWrites;

    IssueLoopController(IssueHistoryRepository history, ReadYourWrites readYourWrites) {
        this.history = history;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/issues/{id}/loop")
    public LoopView loop(@PathVariable String id,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                  @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.await(minVersion, () -> history.version(id));
        List<RecordedEvent> events = history.events(id, asOf);
        if (events.isEmpty()) throw new DomainRefusal(ErrorCode.ISSUE_NOT_FOUND, "No such issue: " + id + ".");
        IssueState state = new IssueState();
        for (RecordedEvent e : events) IssueFold.apply(state, e.event(), e.recordedAt(), e.sequence());
        ReadAccess.requireVisible(CurrentActor.require(), state.departments());
        List<HistoryEntry> entries = history.entries(id, asOf);
        List<LoopView.Stage> stages = Arrays.stream(LoopStage.values())
                .map(stage -> new LoopView.Stage(stage, state.completedLoopStages.contains(stage),
                        entries.stream().filter(e -> e.loopStage() == stage).toList()))
                .toList();
        List<LoopStage> missing = stages.stream().filter(s -> !s.complete()).map(LoopView.Stage::stage).toList();
        return new LoopView(id, missing.isEmpty(), missing, stages);
    }
}
