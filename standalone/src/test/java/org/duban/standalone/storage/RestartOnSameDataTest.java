package org.duban.standalone.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default for real: the app starts its own PostgreSQL under a data directory,
 * stops, starts again on the same directory, and every issue is still there. Demo data is
 * loaded on the first start only.
 */
class RestartOnSameDataTest {

    @TempDir
    Path dataDir;

    @Test
    void every_issue_survives_a_restart_and_demo_data_is_loaded_once() {
        List<String> raised = new ArrayList<>();
        long eventsAfterFirstRun;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            for (int i = 0; i < 3; i++) {
                Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", "重启前的事项 " + i,
                        "description", "d", "source", "INSPECTION", "category", "OTHER"));
                assertThat(r.status()).isEqualTo(201);
                raised.add(r.json().get("id").asText());
            }
            // The ledger's segments catch up independently: wait (bounded) for all fifteen.
            eventsAfterFirstRun = awaitTotal(api, 15);
            assertThat(eventsAfterFirstRun).as("twelve demo issues plus three").isEqualTo(15);
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            for (String id : raised) {
                JsonNode issue = api.as("inspector").get("/api/issues/" + id + "?minVersion=0").json();
                assertThat(issue.get("id").asText()).isEqualTo(id);
                assertThat(issue.get("status").asText()).isEqualTo("REGISTERED");
            }
            assertThat(api.as("auditor").get("/api/issues?size=200").json().get("totalItems").asLong())
                    .as("no demo data loaded twice").isEqualTo(eventsAfterFirstRun);
        }
    }

    private static long awaitTotal(Api api, long expected) {
        long total = -1;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            total = api.as("auditor").get("/api/issues?size=1").json().get("totalItems").asLong();
            if (total >= expected) return total;
            sleep(20);
        }
        return total;
    }

    private ConfigurableApplicationContext start() {
        // Arguments, not default properties: application.yml's own values must not win.
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=0",
                "--duban.embedded-postgres.enabled=true",
                "--duban.embedded-postgres.data-dir=" + dataDir.resolve("postgres"),
                "--duban.demo.enabled=true",
                "--duban.demo.seed-data=true");
    }

    private static Api api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Api("http://localhost:" + port);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
