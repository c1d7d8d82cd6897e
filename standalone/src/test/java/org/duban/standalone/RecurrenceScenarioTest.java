package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 避免发生 on its own database (the shared scenario database raises too many alike issues): a new
 * issue of the same department and category is flagged as a recurrence of the earlier one, and an
 * effectiveness check that finds the problem back reopens the closed issue.
 */
class RecurrenceScenarioTest {

    @Test
    void a_recurrence_is_flagged_on_the_new_issue_and_the_effectiveness_check_reopens_the_old_one() {
        try (ConfigurableApplicationContext app = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class),
                TestDatabase.newDatabase(), Clock.systemUTC())) {
            Api api = Apps.api(app);
            String earlier = raise(api, "门诊停车排队");
            ok(api.as("inspector").post("/api/issues/" + earlier + "/assignment", Map.of("department", "LOGISTICS")));
            awaitHistory(api, earlier, "OwnerAssigned");
            String again = raise(api, "门诊停车又排长队");
            ok(api.as("inspector").post("/api/issues/" + again + "/assignment", Map.of("department", "LOGISTICS")));

            JsonNode flag = awaitHistory(api, again, "RecurrenceFlagged");
            assertThat(flag.at("/data/earlierIssueId").asText()).isEqualTo(earlier);
            assertThat(flag.get("loopStage").asText()).isEqualTo("PREVENTION");
            assertThat(flag.at("/actor/id").asText()).isEqualTo("system:recurrence");

            ok(api.as("inspector").post("/api/issues/" + earlier + "/verification", Map.of("passed", true, "note", "x")), 409);
            String closed = raise(api, "药房窗口回头看");
            ok(api.as("inspector").post("/api/issues/" + closed + "/assignment", Map.of("department", "PHARMACY")));
            ok(api.as("pharmacy").post("/api/issues/" + closed + "/acknowledgement", Map.of()));
            ok(api.as("pharmacy").post("/api/issues/" + closed + "/rectification", Map.of("summary", "已整改")));
            ok(api.as("inspector").post("/api/issues/" + closed + "/verification", Map.of("passed", true, "note", "销号")));
            Api.Response check = api.as("inspector2").post("/api/issues/" + closed + "/effectiveness-checks",
                    Map.of("recurred", true, "note", "回头看：问题复发"));
            ok(check);
            JsonNode reopened = api.as("inspector").get("/api/issues/" + closed + "?minVersion=" + check.json().get("version").asLong()).json();
            assertThat(reopened.get("status").asText()).isEqualTo("REOPENED");
            assertThat(reopened.at("/loopStages/RECTIFICATION").asBoolean()).isFalse();
            ok(api.as("pharmacy").post("/api/issues/" + closed + "/acknowledgement", Map.of()));
        }
    }

    private static String raise(Api api, String title) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "d",
                "source", "HOTLINE", "category", "FACILITIES_LOGISTICS"));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static void ok(Api.Response r) {
        ok(r, 200);
    }

    private static void ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }

    private static JsonNode awaitHistory(Api api, String id, String type) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode history = api.as("auditor").get("/api/issues/" + id + "/history").json();
            if (history.isArray()) {
                for (JsonNode entry : history) {
                    if (type.equals(entry.get("type").asText())) return entry;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + type + " in the history of " + id);
    }
}
