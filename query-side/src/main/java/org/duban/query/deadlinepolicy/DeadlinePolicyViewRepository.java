package org.duban.query.deadlinepolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.deadline.DeadlinePolicyChanged;
import org.duban.api.deadline.DeadlinePolicySpec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The policy versions table: written by the projection, read for the current policy and its history. */
@Repository
class DeadlinePolicyViewRepository {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DeadlinePolicyViewRepository(JdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void recordVersion(DeadlinePolicyChanged e, Instant at, String userId) {
        jdbc.update("""
                        insert into deadline_policy_version (policy_id, version, spec, changed_at, changed_by)
                        values (?, ?, ?::jsonb, ?, ?)
                        on conflict (policy_id, version) do nothing""",
                e.policyId(), e.version(), write(e.spec()), Timestamp.from(at), userId);
    }

    void deleteAll() {
        jdbc.update("delete from deadline_policy_version");
    }

    /** The policy's version: its latest change, 0 (the shipped default) when never changed. */
    long version(String policyId) {
        Long version = jdbc.queryForObject("select max(version) from deadline_policy_version where policy_id = ?",
                Long.class, policyId);
        return version == null ? 0 : version;
    }

    /** The latest version and its policy, none when never changed. */
    Optional<DeadlinePolicyView.Version> latest(String policyId) {
        return jdbc.query("""
                        select version, spec::text from deadline_policy_version
                        where policy_id = ? order by version desc limit 1""",
                (rs, i) -> new DeadlinePolicyView.Version(rs.getLong(1), read(rs.getString(2))), policyId).stream().findFirst();
    }

    /** Who changed the policy when, up to {@code version}, oldest first. */
    List<DeadlinePolicyView.Change> history(String policyId, long version) {
        return jdbc.query("""
                        select version, changed_at, changed_by from deadline_policy_version
                        where policy_id = ? and version <= ? order by version""",
                (rs, i) -> new DeadlinePolicyView.Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
                policyId, version);
    }

    private String write(DeadlinePolicySpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DeadlinePolicySpec read(String spec) {
        try {
            return json.readValue(spec, DeadlinePolicySpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
