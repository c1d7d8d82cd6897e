package org.duban.platform.department;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Optional;

/**
 * The hospital's departments (API.md). Configured, with the departments of the source
 * documents as the default, until departments are managed through their own commands.
 */
@ConfigurationProperties("duban")
public record DepartmentDirectory(List<Department> departments) {
    static final List<Department> SEED_DEPARTMENTS = List.of(
            new Department("DISCIPLINE", "纪检监察室"),
            new Department("PARTY_OFFICE", "党委办公室"),
            new Department("PATIENT_RELATIONS", "医患关系协调办公室"),
            new Department("PHARMACY", "药学部"),
            new Department("INPATIENT_SERVICE", "住院服务中心"),
            new Department("IT_CENTER", "信息网络管理中心"),
            new Department("OUTPATIENT", "门诊部"),
            new Department("MEDICAL_AFFAIRS", "医务处"),
            new Department("NURSING", "护理部"),
            new Department("LOGISTICS", "后勤保障处"));

    public DepartmentDirectory {
        departments = departments == null || departments.isEmpty() ? SEED_DEPARTMENTS : List.copyOf(departments);
    }

    public boolean isKnown(String code) {
        return find(code).isPresent();
    }

    public Optional<Department> find(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
