package org.duban.command.demo;

import org.axonframework.messaging.MetaData;
import org.duban.api.actor.ActorMetaData;

import java.util.Map;

/** The people the demo data is recorded as having acted: demo users where API.md has one, named clerks otherwise. */
final class DemoActors {
    static final MetaData INSPECTOR = actor("inspector", "INSPECTOR", "DISCIPLINE");
    static final MetaData INSPECTOR2 = actor("inspector2", "INSPECTOR", "DISCIPLINE");
    static final MetaData COMMITTEE = actor("committee", "COMMITTEE", "PARTY_OFFICE");

    private DemoActors() {
    }

    static MetaData department(String code) {
        return switch (code) {
            case "PHARMACY" -> actor("pharmacy", "DEPARTMENT", code);
            case "INPATIENT_SERVICE" -> actor("inpatient", "DEPARTMENT", code);
            default -> actor("demo-" + code.toLowerCase(), "DEPARTMENT", code);
        };
    }

    private static MetaData actor(String userId, String role, String department) {
        return MetaData.from(Map.of(ActorMetaData.USER_ID, userId, ActorMetaData.ROLE, role,
                ActorMetaData.DEPARTMENT, department, ActorMetaData.CORRELATION_ID, "demo-data",
                ActorMetaData.CLIENT_ADDRESS, "127.0.0.1"));
    }
}
