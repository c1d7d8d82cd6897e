package org.duban.query.audit;

import java.util.List;
import java.util.Map;

/** One recorded event as the audit explorer shows it. */
record AuditEvent(long globalIndex, String eventId, String type, String aggregateType, String aggregateId,
                  long sequence, String recordedAt, Actor actor, String correlationId, String clientAddress,
                  Object data) {

    record Actor(String id, String role, String department) {
    }

    record Page(List<AuditEvent> items, int page, int size, long totalItems) {
    }

    /** The flat form, as an NDJSON line or a map. */
    Map<String, Object> asMap() {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("globalIndex", globalIndex);
        m.put("eventId", eventId);
        m.put("type", type);
        m.put("aggregateType", aggregateType);
        m.put("aggregateId", aggregateId);
        m.put("sequence", sequence);
        m.put("recordedAt", recordedAt);
        var a = new java.util.LinkedHashMap<String, Object>();
        a.put("id", actor.id());
        a.put("role", actor.role());
        a.put("department", actor.department());
        m.put("actor", a);
        m.put("correlationId", correlationId);
        m.put("clientAddress", clientAddress);
        m.put("data", data);
        return m;
    }
}
