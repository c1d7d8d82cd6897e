package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 点评—考核—通报—整改—避免发生 on real issues over HTTP, and a recurrence flagged and reopened. */
class ClosedLoopScenarioTest extends ScenarioTest {

    @Test
    void one_issue_goes_through_all_five_stages_and_the_loop_view_shows_them_complete() {
        String id = raise("优化门诊药房药品调配流程");
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
        accepted(api.as("committee").post("/api/issues/" + id + "/reviews", Map.of("comment", "整改思路清晰，抓住了调配环节")));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/rectification", Map.of("summary", "预调配上线")));
        accepted(api.as("inspector").post("/api/issues/" + id + "/verification", Map.of("passed", true, "note", "同意销号")));
        accepted(api.as("committee").post("/api/issues/" + id + "/assessments", Map.of("scores",
                Map.of("问题精准", 92, "措施合理", 90, "效果明显", 88), "note", "优秀")));
        accepted(api.as("inspector").post("/api/issues/" + id + "/feedback", Map.of("contacted", true, "resolved", true,
                "satisfaction", "SATISFIED")));

        JsonNode partial = api.as("auditor").get("/api/issues/" + id + "/loop?minVersion=" + (eventCount(id) - 1)).json();
        assertThat(partial.get("complete").asBoolean()).isFalse();
        assertThat(texts(partial.get("missing"))).containsExactly("NOTIFICATION", "PREVENTION");

        Api.Response drafted = api.as("committee").post("/api/bulletins", Map.of("title", "2026年10月督办工作通报", "period", "2026-10"));
        assertThat(drafted.status()).isEqualTo(201);
        String bulletin = drafted.json().get("id").asText();
        accepted(api.as("committee").post("/api/bulletins/" + bulletin + "/entries", Map.of("issueId", id,
                "kind", "COMMENDATION", "text", "药学部主动治理取药排队，成效明显，予以表扬。", "department", "PHARMACY")));
        accepted(api.as("committee").post("/api/bulletins/" + bulletin + "/publication", Map.of()));
        awaitHistory(id, "IssueNotified");
        accepted(api.as("inspector").post("/api/issues/" + id + "/effectiveness-checks", Map.of("recurred", false,
                "note", "回头看：一个月内无同类投诉")));

        JsonNode loop = api.as("auditor").get("/api/issues/" + id + "/loop?minVersion=" + (eventCount(id) - 1)).json();
        assertThat(loop.get("complete").asBoolean()).isTrue();
        assertThat(loop.get("missing")).isEmpty();
        assertThat(texts(loop.get("stages").findValues("stage"))).containsExactly("REVIEW", "ASSESSMENT", "NOTIFICATION",
                "RECTIFICATION", "PREVENTION");
        for (JsonNode stage : loop.get("stages")) {
            assertThat(stage.get("complete").asBoolean()).as(stage.get("stage").asText()).isTrue();
            assertThat(stage.get("events")).as(stage.get("stage").asText()).isNotEmpty();
        }
        JsonNode issue = api.as("inspector").get("/api/issues/" + id + "?minVersion=" + (eventCount(id) - 1)).json();
        assertThat(issue.get("status").asText()).isEqualTo("EFFECTIVE");
        assertThat(issue.at("/feedback/0/satisfaction").asText()).isEqualTo("SATISFIED");
    }

    @Test
    void only_the_committee_reviews_and_assesses_and_only_hotline_issues_get_return_visits() {
        String id = raise("角色");
        assertThat(api.as("inspector").post("/api/issues/" + id + "/reviews", Map.of("comment", "x")).status()).isEqualTo(403);
        assertThat(api.as("pharmacy").post("/api/issues/" + id + "/assessments", Map.of("scores", Map.of("a", 1))).status()).isEqualTo(403);
        Api.Response bad = api.as("committee").post("/api/issues/" + id + "/assessments", Map.of("scores", Map.of("效果明显", 101)));
        assertThat(bad.status()).isEqualTo(400);
        Api.Response inspection = api.as("inspector").post("/api/issues", Map.of("title", "暗访", "description", "d",
                "source", "INSPECTION", "category", "OTHER"));
        String other = inspection.json().get("id").asText();
        Api.Response visit = api.as("inspector").post("/api/issues/" + other + "/feedback", Map.of("contacted", true,
                "resolved", true, "satisfaction", "SATISFIED"));
        assertThat(visit.status()).isEqualTo(409);
        assertThat(visit.code()).isEqualTo("NOT_A_HOTLINE_ISSUE");
        assertThat(eventCount(id)).isEqualTo(1);
        assertThat(eventCount(other)).isEqualTo(1);
    }

    /** Waits (bounded) for an event of {@code type} in the issue's history and returns its entry. */
    private JsonNode awaitHistory(String id, String type) {
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

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new java.util.ArrayList<>();
        nodes.forEach(n -> out.add(n.asText()));
        return out;
    }
}
