package org.duban.query.replay;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A projection that can be rebuilt from the event store beside the live one: its processing
 * group and every table its handlers write (they must use unqualified table names, so the
 * replay's search_path sends them to the shadow copies).
 */
public record ReplayableProjection(String group, List<String> tables) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public ReplayableProjection {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) throw new IllegalArgumentException(group + ": no tables");
        // Table names end up in DDL; only plain identifiers are allowed.
        for (String t : tables) {
            if (!IDENTIFIER.matcher(t).matches()) throw new IllegalArgumentException(group + ": bad table name " + t);
        }
    }

    public static ReplayableProjection of(String group, String... tables) {
        return new ReplayableProjection(group, List.of(tables));
    }

    /** The schema the replay builds into, e.g. replay_issue_ledger. */
    String shadowSchema() {
        return "replay_" + group.replaceAll("[^a-zA-Z0-9]", "_").toLowerCase();
    }

    /** Where the replaced live tables go for the moment of the switch (dropped right after). */
    String retiredSchema() {
        return shadowSchema() + "_retired";
    }
}
