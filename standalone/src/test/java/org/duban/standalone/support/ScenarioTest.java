package org.duban.standalone.support;

import org.duban.standalone.StandaloneApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

/**
 * Base of the HTTP scenario tests: the standalone app on a random port over real PostgreSQL
 * (embedded, or DUBAN_TEST_PG_URL's server), demo users on, demo data off. Subclasses share one
 * application context and one database, so each test creates the issues it talks about.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ScenarioTest {
    private static final String DATABASE = TestDatabase.newDatabase();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("duban.embedded-postgres.enabled", () -> "false");
        registry.add("duban.demo.enabled", () -> "true");
        registry.add("duban.demo.seed-data", () -> "false");
    }

    @BeforeEach
    void client() {
        api = new Api("http://localhost:" + port);
    }

    /** Raises a hotline issue as the inspector and returns its id. */
    protected String raise(String title) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "测试描述",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
        if (r.status() != 201) throw new IllegalStateException("raise failed: " + r);
        return r.json().get("id").asText();
    }

    /** Sends a command and insists it was accepted; returns the version it answered. */
    protected long accepted(Api.Response r) {
        if (r.status() != 200) throw new AssertionError("expected 200, got " + r);
        return r.json().get("version").asLong();
    }

    protected long eventCount(String issueId) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, issueId);
        return n == null ? 0 : n;
    }
}
