package org.duban.platform.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Recognises a failure whose root is the database being away or refusing work, whatever wraps
 * it. Spring translates its own JDBC calls, but Axon's event store wraps the driver's exception
 * in its own (JdbcException on load, EventStoreException on append), and a command handler's
 * failure may arrive wrapped again; all of those would otherwise end as a 500.
 */
final class DatabaseUnavailable {
    private static final String HIKARI_CLOSED = "Connection is closed";

    enum Kind {
        /** Not reachable: refused connection, cut connection, pool timeout, server shutting down. */
        AWAY,
        /** Reachable but refusing changes: read-only, disk full, out of memory, too many connections. */
        REFUSING
    }

    private DatabaseUnavailable() {
    }

    static Optional<Kind> of(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return Optional.of(Kind.AWAY);
            }
            // HikariCP's proxy of a connection it already marked broken (say by a 57P01 while Axon
            // read a snapshot, after which Axon reads the events on the same connection) throws
            // this, with no SQLSTATE.
            if (t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                return Optional.of(Kind.AWAY);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // PostgreSQL SQLSTATE classes: 08 connection exception, 57P operator intervention
                // (admin/crash shutdown, cannot connect now), 53 insufficient resources (53100 disk
                // full, 53200 out of memory, 53300 too many connections), 25006 read-only transaction.
                if (state.startsWith("08") || state.startsWith("57P")) return Optional.of(Kind.AWAY);
                if (state.startsWith("53") || state.equals("25006")) return Optional.of(Kind.REFUSING);
            }
        }
        return Optional.empty();
    }
}
