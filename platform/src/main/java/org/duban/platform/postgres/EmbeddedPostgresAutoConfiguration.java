package org.duban.platform.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts PostgreSQL in-process for the embedded default, so one command runs everything with
 * nothing installed. It is the same engine the {@code postgres} profile talks to: one set of
 * migrations, one dialect. As root it runs through {@code unshare -U} (done by the library).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(name = "duban.embedded-postgres.enabled", havingValue = "true")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) {
        Path dataDir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on");
            if (properties.port() > 0) builder.setPort(properties.port());
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres, properties.database());
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDir);
            return postgres;
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL with data in " + dataDir
                    + " (" + e.getMessage() + "). If this machine forbids it (as root it needs 'unshare -U'),"
                    + " run with --spring.profiles.active=postgres and spring.datasource.url pointing at a"
                    + " PostgreSQL 15+ server instead.", e);
        }
    }

    @Bean
    public DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties, Environment environment) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + properties.database());
        dataSource.setUsername("postgres");
        dataSource.setPoolName("duban-embedded");
        // The same setting as the external database's pool, so one knob sizes both.
        dataSource.setMaximumPoolSize(environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class,
                Math.max(10, Runtime.getRuntime().availableProcessors() * 4)));
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             var rs = s.executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
            if (!rs.next()) {
                s.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
