package org.duban.query.rankingweights;

import org.duban.api.ranking.RankingWeights;
import org.duban.api.ranking.RankingWeightsChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ranking_weights_version table: written by the projection, read for the weights in force and their history. */
@Repository
class RankingWeightsRepository {
    private static final String COLUMNS = "select version, w, a, b, c, reason, changed_at, changed_by from ranking_weights_version";
    private static final RowMapper<RankingWeightsView.Change> CHANGE = (rs, i) -> new RankingWeightsView.Change(
            rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getString(6),
            rs.getTimestamp(7).toInstant(), rs.getString(8));

    private final JdbcTemplate jdbc;

    RankingWeightsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void recordVersion(RankingWeightsChanged e, Instant at, String userId) {
        jdbc.update("""
                        insert into ranking_weights_version (version, w, a, b, c, reason, changed_at, changed_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (version) do nothing""",
                e.version(), e.w(), e.a(), e.b(), e.c(), e.reason(), Timestamp.from(at), userId);
    }

    void deleteAll() {
        jdbc.update("delete from ranking_weights_version");
    }

    /** The weights' version: the latest change recorded, 0 (the published default) when never changed. */
    long version() {
        Long version = jdbc.queryForObject("select max(version) from ranking_weights_version", Long.class);
        return version == null ? 0 : version;
    }

    Optional<RankingWeightsView.Change> latest() {
        return jdbc.query(COLUMNS + " order by version desc limit 1", CHANGE).stream().findFirst();
    }

    /** The newest version recorded at or before {@code instant}, none if the default was still in force. */
    Optional<RankingWeightsView.Change> inForceAt(Instant instant) {
        return jdbc.query(COLUMNS + " where changed_at <= ? order by version desc limit 1", CHANGE, Timestamp.from(instant))
                .stream().findFirst();
    }

    Optional<RankingWeightsView.Change> version(long version) {
        return jdbc.query(COLUMNS + " where version = ?", CHANGE, version).stream().findFirst();
    }

    /** Every change up to {@code version}, oldest first. */
    List<RankingWeightsView.Change> history(long version) {
        return jdbc.query(COLUMNS + " where version <= ? order by version", CHANGE, version);
    }

    static RankingWeights weights(RankingWeightsView.Change c) {
        return new RankingWeights(Math.toIntExact(c.version()), c.w(), c.a(), c.b(), c.c(), c.changedAt());
    }
}
