package org.duban.query.replay;

import org.duban.api.projection.ReplayProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The projection_replay table: the latest replay of each projection, shared by all query nodes. */
@Repository
class ReplayRuns {
    private final JdbcTemplate jdbc;
    private final Duration staleAfter;

    ReplayRuns(JdbcTemplate jdbc, @Value("${duban.replay.stale-after:60s}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
    }

    /**
     * Claims the right to replay {@code name} for {@code runId}, atomically across nodes: false
     * when a run is RUNNING or SWITCHING and its node still beats.
     */
    boolean claim(String name, String runId, String node) {
        return jdbc.update("""
                insert into projection_replay (name, run_id, status, node, started_at, heartbeat_at)
                values (?, ?, 'RUNNING', ?, now(), now())
                on conflict (name) do update set run_id = excluded.run_id, status = 'RUNNING', node = excluded.node,
                    started_at = now(), heartbeat_at = now(), finished_at = null, position = null, head = null,
                    events = 0, events_per_second = 0, error = null
                where projection_replay.status not in ('RUNNING', 'SWITCHING')
                   or projection_replay.heartbeat_at < now() - ? * interval '1 millisecond'""",
                name, runId, node, staleAfter.toMillis()) == 1;
    }

    void progress(String runId, String status, Long position, Long head, long events, double eventsPerSecond) {
        jdbc.update("""
                update projection_replay set status = ?, position = ?, head = ?, events = ?, events_per_second = ?,
                    heartbeat_at = now() where run_id = ?""", status, position, head, events, eventsPerSecond, runId);
    }

    void finish(String runId, String status, Long position, Long head, long events, double eventsPerSecond, String error) {
        jdbc.update("""
                update projection_replay set status = ?, position = ?, head = ?, events = ?, events_per_second = ?,
                    error = ?, finished_at = now(), heartbeat_at = now() where run_id = ?""",
                status, position, head, events, eventsPerSecond, error, runId);
    }

    Map<String, ReplayProgress> all() {
        Map<String, ReplayProgress> runs = new TreeMap<>();
        jdbc.query("select * from projection_replay", rs -> {
            runs.put(rs.getString("name"), read(rs));
        });
        return runs;
    }

    private static ReplayProgress read(ResultSet rs) throws SQLException {
        Long position = (Long) rs.getObject("position");
        Long head = (Long) rs.getObject("head");
        String status = rs.getString("status");
        double percent = "SUCCEEDED".equals(status) ? 100.0 : percent(position, head);
        return new ReplayProgress(status, rs.getString("node"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), position, head, percent, rs.getLong("events"),
                rs.getDouble("events_per_second"), rs.getString("error"));
    }

    /** position ÷ head in percent, one decimal; an empty store counts as done. */
    static double percent(Long position, Long head) {
        if (head == null || head <= 0) return head == null ? 0.0 : 100.0;
        long p = position == null ? 0 : position;
        return Math.min(100.0, Math.floor(p * 1000.0 / head) / 10.0);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
