package org.duban.query.ui;

import org.duban.api.issue.Category;
import org.duban.api.issue.Source;
import org.duban.query.department.DepartmentController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.YearMonth;

/**
 * The home dashboard, the department ranking and the wall chart (挂图作战). Their numbers come from
 * the dashboard and ranking API, fetched by the page's script with the session cookie, so the
 * figures on screen are the API's, computed once, in one place.
 */
@Controller
class OverviewPages {
    private final DepartmentController departments;
    private final Clock clock;

    OverviewPages(DepartmentController departments, Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("departments", departments.departments());
        model.addAttribute("categories", Category.values());
        model.addAttribute("sources", Source.values());
        return "home";
    }

    @GetMapping("/rankings")
    String rankings(Model model) {
        model.addAttribute("period", YearMonth.now(clock).toString());
        return "rankings";
    }

    @GetMapping("/wall")
    String wall() {
        return "wall";
    }
}
