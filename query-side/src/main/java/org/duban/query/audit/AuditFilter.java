package org.duban.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit explorer's filters, as a parameterised SQL condition over domain_event_entry. Every
 * value travels as a bind parameter; {@code type} is a validated simple class name.
 */
record AuditFilter(String actor, String department, String type, String issue, Instant from, Instant to) {
    private static final String META = "coalesce(convert_from(meta_data, 'UTF8'), '{}')::jsonb";

    /** The where clause (starting with " where", or empty) and its parameters. */
    Condition condition() {
        List<String> terms = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (actor != null) {
            terms.add(META + " ->> 'userId' = ?");
            params.add(actor);
        }
        if (department != null) {
            terms.add(META + " ->> 'department' = ?");
            params.add(department);
        }
        if (type != null) {
            // The simple name ends the class name, after a package dot or a nesting dollar.
            terms.add("(payload_type = ? or payload_type like ? or payload_type like ?)");
            params.add(type);
            params.add("%." + type);
            params.add("%$" + type);
        }
        if (issue != null) {
            terms.add("aggregate_identifier = ?");
            params.add(issue);
        }
        if (from != null) {
            terms.add("time_stamp::timestamptz >= ?::timestamptz");
            params.add(from.toString());
        }
        if (to != null) {
            terms.add("time_stamp::timestamptz < ?::timestamptz");
            params.add(to.toString());
        }
        return new Condition(terms.isEmpty() ? "" : " where " + String.join(" and ", terms), params.toArray());
    }

    record Condition(String sql, Object[] params) {
    }
}
