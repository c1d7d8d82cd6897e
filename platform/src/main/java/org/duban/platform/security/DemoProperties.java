package org.duban.platform.security;

import org.duban.api.actor.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Demo users and demo data (API.md): on in the embedded default, off under {@code postgres} and
 * {@code axonserver} unless set; profile {@code prod} refuses to start while on.
 */
@ConfigurationProperties("duban.demo")
public record DemoProperties(boolean enabled, List<DemoUser> users) {
    static final List<DemoUser> API_DEMO_USERS = List.of(
            new DemoUser("inspector", "inspector", Role.INSPECTOR, "DISCIPLINE"),
            new DemoUser("inspector2", "inspector2", Role.INSPECTOR, "DISCIPLINE"),
            new DemoUser("committee", "committee", Role.COMMITTEE, "PARTY_OFFICE"),
            new DemoUser("pharmacy", "pharmacy", Role.DEPARTMENT, "PHARMACY"),
            new DemoUser("inpatient", "inpatient", Role.DEPARTMENT, "INPATIENT_SERVICE"),
            new DemoUser("auditor", "auditor", Role.AUDITOR, null),
            new DemoUser("admin", "admin", Role.ADMIN, null));

    public DemoProperties {
        if (users == null || users.isEmpty()) users = API_DEMO_USERS;
    }
}
