package org.duban.query.ledger;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.duban.api.issue.Category;
import org.duban.api.issue.EscalationLevel;
import org.duban.api.issue.IssueStatus;
import org.duban.api.issue.Source;
import org.duban.api.issueview.IssueSummary;
import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.duban.platform.security.CurrentActor;
import org.duban.query.export.ExportResponses;
import org.duban.query.export.TableExport;
import org.duban.query.export.TableExport.Column;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.duban.query.export.TableExport.Type.BOOLEAN;
import static org.duban.query.export.TableExport.Type.DATE;
import static org.duban.query.export.TableExport.Type.DATETIME;
import static org.duban.query.export.TableExport.Type.NUMBER;
import static org.duban.query.export.TableExport.Type.TEXT;

/**
 * The 台账 as a file (API.md "More resources"): every issue the list's filters match — no paging
 * — as .xlsx or CSV, streamed from a database cursor. Department users get their own
 * department's issues only, as in the list. The literal path wins over /api/issues/{id}: Spring
 * prefers the more specific pattern.
 */
@RestController
class IssueLedgerExportController {
    private final IssueLedgerRepository ledger;
    private final DepartmentDirectory departments;
    private final Clock clock;

    IssueLedgerExportController(IssueLedgerRepository ledger, DepartmentDirectory departments, Clock clock) {
        this.ledger = ledger;
        this.departments = departments;
        this.clock = clock;
    }

    /** {@code format} defaults to xlsx; anything but xlsx or csv is a 400 before a byte is written. */
    @GetMapping("/api/issues/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "xlsx") String format,
                                                 @RequestParam(required = false) IssueStatus status,
                                                 @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}") String department,
                                                 @RequestParam(required = false) Category category,
                                                 @RequestParam(required = false) Source source,
                                                 @RequestParam(required = false) EscalationLevel escalation,
                                                 @RequestParam(required = false) Boolean overdue,
                                                 @RequestParam(required = false) @Size(max = 200) String q) {
        TableExport.Format as = TableExport.Format.parse("format", format);
        IssueListFilter filter = IssueListFilter.of(status, department, category, source, escalation, overdue, q,
                CurrentActor.require());
        // one instant for the whole file: every row's 是否超期 is judged at the same moment
        Instant now = clock.instant();
        TableExport<IssueSummary> table = new TableExport<>("台账", columns(), clock.getZone());
        StreamingResponseBody body = out -> table.write(as, sink -> ledger.stream(filter, now, clock.getZone(), sink), out);
        return ExportResponses.attachment(as, "台账", "ledger", LocalDate.ofInstant(now, clock.getZone()), body);
    }

    private List<Column<IssueSummary>> columns() {
        return List.of(
                new Column<>("编号", TEXT, 24, IssueSummary::id),
                new Column<>("标题", TEXT, 40, IssueSummary::title),
                new Column<>("状态", TEXT, i -> IssueLabels.of(i.status())),
                new Column<>("来源", TEXT, i -> IssueLabels.of(i.source())),
                new Column<>("类别", TEXT, 20, i -> IssueLabels.of(i.category())),
                new Column<>("严重程度", TEXT, i -> IssueLabels.of(i.severity())),
                new Column<>("主责部门", TEXT, 20, i -> departmentName(i.ownerDepartment())),
                new Column<>("主责部门代码", TEXT, IssueSummary::ownerDepartment),
                new Column<>("期限", DATE, IssueSummary::dueDate),
                new Column<>("是否超期", BOOLEAN, IssueSummary::overdue),
                new Column<>("督办等级", TEXT, i -> IssueLabels.of(i.escalation())),
                new Column<>("挂起", BOOLEAN, IssueSummary::onHold),
                new Column<>("版本", NUMBER, IssueSummary::version),
                new Column<>("登记时间", DATETIME, IssueSummary::raisedAt));
    }

    private String departmentName(String code) {
        return code == null ? null : departments.find(code).map(Department::name).orElse(code);
    }
}
