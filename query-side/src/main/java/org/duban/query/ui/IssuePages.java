package org.duban.query.ui;

import jakarta.validation.constraints.Min;
import org.duban.api.actor.Actor;
import org.duban.api.error.DomainRefusal;
import org.duban.api.error.ErrorCode;
import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Satisfaction;
import org.duban.api.issue.Severity;
import org.duban.api.issue.Source;
import org.duban.api.issueview.IssueDetail;
import org.duban.platform.security.CurrentActor;
import org.duban.query.department.DepartmentController;
import org.duban.query.history.IssueHistoryController;
import org.duban.query.ledger.IssueLedgerController;
import org.duban.query.loop.IssueLoopController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The issue list (台账) with its filters, the raise form and the issue page. They read through
 * the API's own query controllers, so the pages see exactly what the API shows this user
 * (department scoping, masking of personal data, read-your-writes with {@code minVersion}).
 */
@Controller
class IssuePages {
    private static final int PAGE_SIZE = 20;

    private final IssueLedgerController ledger;
    private final IssueHistoryController history;
    private final IssueLoopController loop;
    private final DepartmentController departments;

    IssuePages(IssueLedgerController ledger, IssueHistoryController history, IssueLoopController loop,
               DepartmentController departments) {
        this.ledger = ledger;
        this.history = history;
        this.loop = loop;
        this.departments = departments;
    }

    @GetMapping("/issues")
    String list(@RequestParam(required = false) IssueStatus status,
                @RequestParam(required = false) String department,
                @RequestParam(required = false) Category category,
                @RequestParam(required = false) Source source,
                @RequestParam(required = false) EscalationLevel escalation,
                @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") @Min(0) int page,
                Model model) {
        String dept = department == null || department.isBlank() ? null : department;
        if (dept != null && !dept.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new DomainRefusal(ErrorCode.VALIDATION_FAILED, "Unknown department code.");
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > 200) text = text.substring(0, 200);
        model.addAttribute("result", ledger.list(status, dept, category, source, escalation, overdue, text, page, PAGE_SIZE, null));
        model.addAttribute("filter", new Filter(status, dept, category, source, escalation, overdue, text));
        model.addAttribute("exportQuery", exportQuery(status, dept, category, source, escalation, overdue, text));
        addChoices(model);
        model.addAttribute("mayRaise", IssueActions.mayRaise(CurrentActor.require()));
        return "issues";
    }

    /**
     * The list's filters as the export's query string, the unset ones left out (an empty
     * department= would fail the export's validation, unlike the page's, which treats it as unset).
     */
    private static String exportQuery(IssueStatus status, String department, Category category, Source source,
                                      EscalationLevel escalation, Boolean overdue, String q) {
        var query = org.springframework.web.util.UriComponentsBuilder.newInstance();
        if (status != null) query.queryParam("status", status.name());
        if (department != null) query.queryParam("department", department);
        if (category != null) query.queryParam("category", category.name());
        if (source != null) query.queryParam("source", source.name());
        if (escalation != null) query.queryParam("escalation", escalation.name());
        if (overdue != null) query.queryParam("overdue", overdue);
        if (q != null) query.queryParam("q", q);
        return query.encode().build().getQuery();
    }

    @GetMapping("/issues/new")
    String raiseForm(Model model) {
        Actor actor = CurrentActor.require();
        if (!IssueActions.mayRaise(actor)) {
            throw new DomainRefusal(ErrorCode.FORBIDDEN, "Only inspectors and the committee raise issues.");
        }
        addChoices(model);
        return "issue-new";
    }

    @GetMapping("/issues/{id}")
    String issue(@PathVariable String id, @RequestParam(required = false) @Min(0) Long minVersion, Model model) {
        IssueDetail issue = ledger.get(id, null, minVersion);
        model.addAttribute("issue", issue);
        // The history view is another projection: let it catch up to the version shown above,
        // so the timeline and the loop never lag behind the issue's state on one page.
        model.addAttribute("history", history.history(id, null, issue.version()));
        model.addAttribute("loop", loop.loop(id, null, issue.version()));
        model.addAttribute("actions", IssueActions.of(CurrentActor.require(), issue));
        addChoices(model);
        return "issue";
    }

    private void addChoices(Model model) {
        model.addAttribute("departments", departments.departments());
        model.addAttribute("statuses", IssueStatus.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("sources", Source.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("escalations", EscalationLevel.values());
        model.addAttribute("satisfactions", Satisfaction.values());
    }

    /** The filters as chosen, to keep them in the form and in the paging links. */
    record Filter(IssueStatus status, String department, Category category, Source source,
                  EscalationLevel escalation, Boolean overdue, String q) {
    }
}
