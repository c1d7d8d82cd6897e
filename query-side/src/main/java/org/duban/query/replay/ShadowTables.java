package org.duban.query.replay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The DDL of a replay: shadow copies of a projection's tables, and the switch that moves them
 * into public. Copies keep every name (constraints, indexes) of the live tables, so migrations
 * written against the Flyway-made names keep working after a replay.
 */
@Component
class ShadowTables {
    private final JdbcTemplate jdbc;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates {@code schema} afresh (a crashed replay may have left one) with empty copies of the
     * tables: columns, defaults, checks and identity by LIKE; primary keys, unique constraints,
     * foreign keys and indexes re-created under their own names. Runs in the caller's transaction.
     */
    void create(ReplayableProjection projection) {
        String schema = projection.shadowSchema();
        for (String table : projection.tables()) refuseUnsafe(projection, table);
        jdbc.execute("drop schema if exists " + schema + " cascade");
        jdbc.execute("create schema " + schema);
        for (String table : projection.tables()) {
            jdbc.execute("create table " + schema + "." + table + " (like public." + table
                    + " including all excluding indexes)");
        }
        for (String table : projection.tables()) {
            for (Map<String, Object> c : constraints(table, "'p', 'u', 'x'")) {
                jdbc.execute("alter table " + schema + "." + table + " add constraint " + quote(c.get("conname"))
                        + " " + c.get("def"));
            }
        }
        // Read with public first on the search_path, the definitions name the referenced table
        // unqualified; run with the shadow schema first, a reference to one of the projection's
        // tables then resolves to its copy (a foreign key left on the live parent would be lost
        // with it when the replaced tables are dropped).
        jdbc.execute("set local search_path = public");
        Map<String, List<Map<String, Object>>> foreignKeys = new java.util.LinkedHashMap<>();
        for (String table : projection.tables()) foreignKeys.put(table, constraints(table, "'f'"));
        jdbc.execute("set local search_path = " + schema + ", public");
        foreignKeys.forEach((table, keys) -> keys.forEach(c -> jdbc.execute("alter table " + schema + "." + table
                + " add constraint " + quote(c.get("conname")) + " " + c.get("def"))));
        jdbc.execute("set local search_path = public");
        for (String table : projection.tables()) {
            List<String> indexes = jdbc.queryForList("""
                    select pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid = ('public.' || ?)::regclass
                      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""", String.class, table);
            for (String definition : indexes) {
                String moved = definition.replaceFirst(" ON (ONLY )?(public\\.)?" + table + " ", " ON " + schema + "." + table + " ");
                if (moved.equals(definition)) throw new IllegalStateException("cannot place index in shadow schema: " + definition);
                jdbc.execute(moved);
            }
        }
    }

    /** Fresh planner statistics for the filled copies, so the first queries after the switch plan well. */
    void analyze(ReplayableProjection projection) {
        for (String table : projection.tables()) jdbc.execute("analyze " + projection.shadowSchema() + "." + table);
    }

    /**
     * Takes the live tables out of use for the rest of the caller's transaction: waits for
     * transactions writing them (other nodes' processor batches) to finish, and holds off new
     * readers and writers until the switch commits.
     */
    void lockLive(ReplayableProjection projection) {
        jdbc.execute("lock table " + String.join(", ", projection.tables().stream().map(t -> "public." + t).toList())
                + " in access exclusive mode");
    }

    /** Moves the live tables out and the shadow tables in; all or nothing with the caller's transaction. */
    void switchToShadow(ReplayableProjection projection) {
        String retired = projection.retiredSchema();
        jdbc.execute("drop schema if exists " + retired + " cascade");
        jdbc.execute("create schema " + retired);
        for (String table : projection.tables()) jdbc.execute("alter table public." + table + " set schema " + retired);
        for (String table : projection.tables()) {
            jdbc.execute("alter table " + projection.shadowSchema() + "." + table + " set schema public");
        }
    }

    void dropShadow(ReplayableProjection projection) {
        jdbc.execute("drop schema if exists " + projection.shadowSchema() + " cascade");
    }

    void dropRetired(ReplayableProjection projection) {
        jdbc.execute("drop schema if exists " + projection.retiredSchema() + " cascade");
    }

    /**
     * Refuses what the switch would silently break. A serial column's default names the live
     * table's sequence: the copy would share it and lose its default when the replaced table is
     * dropped (identity columns are copied properly). A view or another table's foreign key on a
     * live table would follow it out of public and be dropped with it.
     */
    private void refuseUnsafe(ReplayableProjection projection, String table) {
        Integer exists = jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = 'public' and table_name = ?",
                Integer.class, table);
        if (exists == null || exists == 0) throw new IllegalStateException("table public." + table + " does not exist");
        List<String> dependents = jdbc.queryForList("""
                select distinct r.ev_class::regclass::text from pg_depend d join pg_rewrite r on r.oid = d.objid
                where d.refobjid = ('public.' || ?)::regclass and r.ev_class <> d.refobjid
                union
                select conrelid::regclass::text from pg_constraint
                where contype = 'f' and confrelid = ('public.' || ?)::regclass
                  and conrelid::regclass::text <> all(?::text[])""", String.class, table, table,
                projection.tables().toArray(String[]::new));
        if (!dependents.isEmpty()) {
            throw new IllegalStateException("public." + table + " is used by " + dependents
                    + " outside the projection; register them with it or drop the dependency");
        }
        Integer n = jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where table_schema = 'public' and table_name = ? and column_default like 'nextval(%'""", Integer.class, table);
        if (n != null && n > 0) {
            throw new IllegalStateException("public." + table + " has a serial column; use an identity column to make it replayable");
        }
    }

    /** {@code types}: a constant list of pg_constraint.contype letters, e.g. 'p', 'u'. */
    private List<Map<String, Object>> constraints(String table, String types) {
        return jdbc.queryForList("select conname, pg_get_constraintdef(oid) as def from pg_constraint"
                + " where conrelid = ('public.' || ?)::regclass and contype in (" + types + ") order by conname", table);
    }

    private static String quote(Object identifier) {
        return "\"" + identifier.toString().replace("\"", "\"\"") + "\"";
    }
}
