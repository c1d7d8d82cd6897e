package org.duban.query.department;

import org.duban.platform.department.Department;
import org.duban.platform.department.DepartmentDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The departments issues can be assigned to, with their display names. */
@RestController
public class DepartmentController {
    private final DepartmentDirectory directory;

    DepartmentController(DepartmentDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/departments")
    public List<Department> departments() {
        return directory.departments();
    }
}
