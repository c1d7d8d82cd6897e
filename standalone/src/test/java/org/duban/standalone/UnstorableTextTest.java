package org.duban.standalone;

import org.duban.standalone.support.ScenarioTest;

import org.duban.standalone.support.Api;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot store (the NUL character U+0000) is bad input and must be refused
 * before it is appended: once in the event store, every projection fails on that event and the
 * segment holding it stops for good. Runs its own app on its own database (not ScenarioTest's
 * shared one), so that while this is broken it cannot stall the views other tests read.
 */
class UnstorableTextTest {
    private static final String NUL = "\u0000";
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = SpringApplication.run(StandaloneApplication.class, "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.newDatabase(), "--spring.datasource.username=postgres",
                "--duban.embedded-postgres.enabled=false", "--duban.demo.enabled=true", "--duban.demo.seed-data=false");
        api = new Api("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @ParameterizedTest(name = "raising with a NUL character in {0} is 400 and appends nothing")
    @ValueSource(strings = {"title", "description", "externalRef"})
    void raising_with_a_nul_character_in_a_text_field_is_refused(String field) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "空字符", "description", "d",
                "source", "HOTLINE", "category", "OTHER"));
        body.put(field, "a" + NUL + "b");
        long before = allEvents();
        assertRefusedAsBadInput(api.as("inspector").post("/api/issues", body));
        assertThat(allEvents()).as("events appended").isEqualTo(before);
    }

    @Test
    void a_reason_with_a_nul_character_is_refused() {
        String id = api.as("inspector").post("/api/issues", Map.of("title", "撤销原因", "description", "d",
                "source", "HOTLINE", "category", "OTHER")).json().get("id").asText();
        long before = allEvents();
        assertRefusedAsBadInput(api.as("inspector").post("/api/issues/" + id + "/withdrawal", Map.of("reason", "重复" + NUL)));
        assertThat(allEvents()).as("events appended").isEqualTo(before);
    }

    private static void assertRefusedAsBadInput(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
    }

    private static long allEvents() {
        return jdbc.queryForObject(ScenarioTest.EVENTS_PEOPLE_APPENDED, Long.class);
    }
}
