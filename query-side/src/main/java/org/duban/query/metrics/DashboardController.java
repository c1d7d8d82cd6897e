package org.duban.query.metrics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.duban.api.actor.Actor;
import org.duban.api.dashboard.Dashboard;
import org.duban.api.dashboard.Trends;
import org.duban.api.dashboard.WallChart;
import org.duban.api.error.InvalidInput;
import org.duban.api.issue.Category;
import org.duban.api.issue.Source;
import org.duban.platform.department.DepartmentDirectory;
import org.duban.platform.security.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The dashboard of DOMAIN.md, the wall chart (挂图作战) and the monthly trends, now or as the
 * system knew them at {@code asOf}. Department users see their own department only.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {
    private static final String DEPARTMENT = "[A-Z][A-Z0-9_]{0,63}";

    private final Dashboards dashboards;
    private final DepartmentDirectory directory;
    private final Clock clock;

    DashboardController(Dashboards dashboards, DepartmentDirectory directory, Clock clock) {
        this.dashboards = dashboards;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping
    Dashboard dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) @Pattern(regexp = DEPARTMENT) String department,
                        @RequestParam(required = false) Category category,
                        @RequestParam(required = false) Source source,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (from != null && to != null && from.isAfter(to)) throw new InvalidInput("to", "must not be before from.");
        Knowledge k = Knowledge.of(asOf, clock);
        String scope = MetricsAccess.department(CurrentActor.require(), department, directory);
        return dashboards.dashboard(from, to, scope, category, source, k);
    }

    @GetMapping("/wall")
    WallChart wall(@RequestParam(required = false) @Pattern(regexp = DEPARTMENT) String department,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Knowledge k = Knowledge.of(asOf, clock);
        Actor actor = CurrentActor.require();
        return dashboards.wall(MetricsAccess.department(actor, department, directory), k);
    }

    @GetMapping("/trends")
    Trends trends(@RequestParam(defaultValue = "24") @Min(1) @Max(120) int months,
                  @RequestParam(required = false) @Pattern(regexp = DEPARTMENT) String department,
                  @RequestParam(required = false) Category category,
                  @RequestParam(required = false) Source source,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        Knowledge k = Knowledge.of(asOf, clock);
        String scope = MetricsAccess.department(CurrentActor.require(), department, directory);
        return dashboards.trends(months, scope, category, source, k);
    }
}
