package org.duban.query.ui;

import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Times in the app clock's zone (the hospital's) and department names, used from templates as {@code @pageFormats}. */
@Component("pageFormats")
public class PageFormats {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Clock clock;
    private final DepartmentDirectory departments;

    PageFormats(Clock clock, DepartmentDirectory departments) {
        this.clock = clock;
        this.departments = departments;
    }

    /** A department's display name, or its code when the directory does not know it (or "–" for none). */
    public String department(String code) {
        if (code == null) return "–";
        return departments.find(code).map(Department::name).orElse(code);
    }

    public String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(clock.getZone()));
    }

    public String percent(Double rate) {
        return rate == null ? "–" : String.format("%.1f%%", rate * 100);
    }
}
