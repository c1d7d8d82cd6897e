package org.duban.platform.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-process PostgreSQL of the embedded default.
 *
 * @param enabled  start it (default profile) or not (profile {@code postgres}: external server)
 * @param dataDir  where its data lives; survives restarts
 * @param port     0 picks a free port
 * @param database the database the application uses inside it
 */
@ConfigurationProperties("duban.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, String dataDir, int port, String database) {
    public EmbeddedPostgresProperties {
        if (dataDir == null || dataDir.isBlank()) dataDir = "./data/postgres";
        if (database == null || database.isBlank()) database = "duban";
    }
}
