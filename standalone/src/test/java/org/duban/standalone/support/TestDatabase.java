package org.duban.standalone.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server integration tests run on: an external one when DUBAN_TEST_PG_URL names
 * it (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres), else an embedded one
 * started once per JVM. Each caller of {@link #newDatabase()} gets a fresh database on it.
 */
public final class TestDatabase {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");
    private static String serverUrl;

    private TestDatabase() {
    }

    public static synchronized String newDatabase() {
        String admin = serverUrl();
        String name = "duban_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + admin, e);
        }
        Matcher m = URL.matcher(admin);
        if (!m.matches()) throw new IllegalStateException("unexpected JDBC URL " + admin);
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    /** Which server the suite runs on, for test output. */
    public static String describe() {
        return System.getenv("DUBAN_TEST_PG_URL") != null ? "external PostgreSQL " + System.getenv("DUBAN_TEST_PG_URL")
                : "embedded PostgreSQL";
    }

    private static String serverUrl() {
        if (serverUrl != null) return serverUrl;
        String external = System.getenv("DUBAN_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            serverUrl = external;
        } else {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("duban-test-pg"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; nothing to do
                    }
                }));
                serverUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
            }
        }
        return serverUrl;
    }
}
