package org.duban.query.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.duban.api.actor.Actor;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Source;
import org.duban.api.issueview.IssueDetail;
import org.duban.api.issueview.IssuePage;
import org.duban.platform.security.CurrentActor;
import org.duban.query.history.IssueHistoryRepository;
import org.duban.query.history.RecordedEvent;
import org.duban.query.issuestate.IssueFold;
import org.duban.query.issuestate.IssueState;
import org.duban.query.metrics.AsOfIssueList;
import org.duban.query.metrics.Knowledge;
import org.duban.query.web.ReadAccess;
import org.duban.query.web.ReadYourWrites;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** The issue list (台账) and the issue page, now or as the system knew them at {@code asOf}. */
@RestController
@RequestMapping("/api/issues")
public class IssueLedgerController {
    private final IssueLedgerRepository ledger;
    private final IssueHistoryRepository history;
    private final IssueDetails details;
    private final ReadYourWrites readYourWrites;
    private final AsOfIssueList asOfList;
    private final Clock clock;

    IssueLedgerController(IssueLedgerRepository ledger, IssueHistoryRepository history, IssueDetails details,
                          ReadYourWrites readYourWrites, AsOfIssueList asOfList, Clock clock) {
        this.ledger = ledger;
        this.asOfList = asOfList;
        this.history = history;
        this.details = details;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping
    public IssuePage list(@RequestParam(required = false) IssueStatus status,
                   @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String department,
                   @RequestParam(required = false) Category category,
                   @RequestParam(required = false) Source source,
                   @RequestParam(required = false) EscalationLevel escalation,
                   @RequestParam(required = false) Boolean overdue,
                   @RequestParam(required = false) @Size(max = 200) String q,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Actor actor = CurrentActor.require();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (asOf != null) {
            // As the system knew it then: from the metrics' fact rows valid at that instant.
            var query = new AsOfIssueList.Query(status, department, category, source, escalation, overdue, text,
                    ReadAccess.listScope(actor));
            return asOfList.page(query, page, size, Knowledge.of(asOf, clock));
        }
        var filter = IssueListFilter.of(status, department, category, source, escalation, overdue, q, actor);
        var result = ledger.page(filter, page, size, clock.instant(), clock.getZone());
        int totalPages = (int) ((result.total() + size - 1) / size);
        return new IssuePage(result.items(), page, size, result.total(), totalPages);
    }

    @GetMapping("/{id}")
    public IssueDetail get(@PathVariable String id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                    @RequestParam(required = false) @Min(0) Long minVersion) {
        readYourWrites.await(minVersion, () -> ledger.version(id));
        IssueState state = asOf == null ? ledger.load(id).orElseThrow(() -> notFound(id)) : foldUpTo(id, asOf);
        Actor actor = CurrentActor.require();
        ReadAccess.requireVisible(actor, state.departments());
        return details.of(state, ReadAccess.mayReadPersonalData(actor), ReadAccess.mayKnowDataSubject(actor),
                asOf == null ? clock.instant() : asOf,
                clock.getZone(), asOf);
    }

    /** The issue as the system knew it at {@code asOf}: its events by record time, folded afresh. */
    private IssueState foldUpTo(String id, Instant asOf) {
        IssueState state = new IssueState();
        for (RecordedEvent e : history.events(id, asOf)) IssueFold.apply(state, e.event(), e.recordedAt(), e.sequence());
        if (state.id == null) throw notFound(id);
        return state;
    }

    static DomainRefusal notFound(String id) {
        return new DomainRefusal(ErrorCode.ISSUE_NOT_FOUND, "No such issue: " + id + ".");
    }
}
