package org.duban.platform.web;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void a_database_that_is_away_is_recognised_through_axons_wrappers() {
        assertThat(DatabaseUnavailable.of(new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed"))))
                .contains(DatabaseUnavailable.Kind.AWAY);
        assertThat(DatabaseUnavailable.of(new EventStoreException("Failed to read events",
                new SQLException("terminating connection due to administrator command", "57P01"))))
                .contains(DatabaseUnavailable.Kind.AWAY);
        assertThat(DatabaseUnavailable.of(new IllegalStateException(new SQLException("Connection refused", "08001"))))
                .contains(DatabaseUnavailable.Kind.AWAY);
        assertThat(DatabaseUnavailable.of(new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))
                .contains(DatabaseUnavailable.Kind.AWAY);
        assertThat(DatabaseUnavailable.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
                .contains(DatabaseUnavailable.Kind.AWAY);
    }

    @Test
    void a_database_refusing_changes_is_told_apart() {
        assertThat(DatabaseUnavailable.of(new EventStoreException("could not be stored",
                new SQLException("cannot execute INSERT in a read-only transaction", "25006"))))
                .contains(DatabaseUnavailable.Kind.REFUSING);
        assertThat(DatabaseUnavailable.of(new SQLException("could not extend file: No space left on device", "53100")))
                .contains(DatabaseUnavailable.Kind.REFUSING);
    }

    @Test
    void other_failures_are_not_blamed_on_the_database() {
        assertThat(DatabaseUnavailable.of(new EventStoreException("duplicate", new SQLException("duplicate key", "23505")))).isEmpty();
        assertThat(DatabaseUnavailable.of(new JdbcException("bad", new SQLException("syntax error", "42601")))).isEmpty();
        assertThat(DatabaseUnavailable.of(new SQLException("some other closed thing"))).isEmpty();
        assertThat(DatabaseUnavailable.of(new IllegalArgumentException("a bug"))).isEmpty();
    }
}
