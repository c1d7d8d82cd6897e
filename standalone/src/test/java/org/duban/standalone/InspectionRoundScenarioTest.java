package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 督查 / 党建查房 over HTTP: a round's findings raise linked issues, owned by the department a
 * finding names, and the round shows how far they have come; walking one issue to 销号 moves the
 * round's progress.
 */
class InspectionRoundScenarioTest extends ScenarioTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void an_unannounced_rounds_findings_raise_issues_and_the_round_shows_their_progress_to_closure() {
        String round = plan("四不两直 夜间暗访", "UNANNOUNCED", List.of("PHARMACY", "OUTPATIENT"));

        Api.Response first = api.as("inspector").post("/api/inspection-rounds/" + round + "/findings", Map.of(
                "title", "药房夜间窗口无人值守", "description", "23:10 窗口无人，患者等候 20 分钟",
                "category", "MEDICAL_SERVICE", "severity", "HIGH", "department", "PHARMACY"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String pharmacyIssue = first.json().get("id").asText();
        assertThat(first.header("Location")).endsWith("/api/issues/" + pharmacyIssue);
        assertThat(first.json().get("version").asLong()).isEqualTo(1);

        Api.Response second = api.as("inspector").post("/api/inspection-rounds/" + round + "/findings", Map.of(
                "title", "消防通道堆放杂物", "description", "门诊楼二层", "category", "FACILITIES_LOGISTICS"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        String unownedIssue = second.json().get("id").asText();
        long roundVersion = second.json().get("version").asLong();
        assertThat(roundVersion).isEqualTo(2);

        JsonNode owned = issueWhen(pharmacyIssue, i -> "ASSIGNED".equals(i.path("status").asText()));
        assertThat(owned.get("source").asText()).isEqualTo("INSPECTION");
        assertThat(owned.get("ownerDepartment").asText()).isEqualTo("PHARMACY");
        assertThat(owned.get("title").asText()).isEqualTo("药房夜间窗口无人值守");
        JsonNode unowned = issueWhen(unownedIssue, i -> i.has("status"));
        assertThat(unowned.get("source").asText()).isEqualTo("INSPECTION");
        assertThat(unowned.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(unowned.path("ownerDepartment").isNull() || unowned.path("ownerDepartment").isMissingNode()).isTrue();
        JsonNode history = api.as("auditor").get("/api/issues/" + pharmacyIssue + "/history?minVersion=1").json();
        assertThat(history.get(0).at("/actor/id").asText()).as("raised as the inspector who found it").isEqualTo("inspector");

        JsonNode view = roundWhen(round, roundVersion, r -> r.at("/findings/0/ownerDepartment").asText().equals("PHARMACY")
                && r.at("/findings/1/issueStatus").asText().equals("REGISTERED"));
        assertThat(view.get("kind").asText()).isEqualTo("UNANNOUNCED");
        assertThat(view.get("status").asText()).isEqualTo("OPEN");
        assertThat(view.get("findings")).hasSize(2);
        assertThat(view.at("/findings/0/issueId").asText()).isEqualTo(pharmacyIssue);
        assertThat(view.at("/findings/0/issueStatus").asText()).isEqualTo("ASSIGNED");
        assertThat(view.at("/findings/1/issueId").asText()).isEqualTo(unownedIssue);
        assertThat(view.at("/progress/total").asInt()).isEqualTo(2);
        assertThat(view.at("/progress/done").asInt()).isZero();
        assertThat(view.at("/progress/percentage").asInt()).isZero();

        accepted(api.as("pharmacy").post("/api/issues/" + pharmacyIssue + "/acknowledgement", Map.of("note", "已签收")));
        accepted(api.as("pharmacy").post("/api/issues/" + pharmacyIssue + "/plan", Map.of("rootCause", "夜班排班不足",
                "measures", "增设夜班药师", "milestones", List.of(Map.of("title", "排班调整", "dueDate", LocalDate.now().plusDays(3).toString())))));
        accepted(api.as("pharmacy").post("/api/issues/" + pharmacyIssue + "/rectification", Map.of("summary", "夜班已增设药师")));
        long closed = accepted(api.as("inspector").post("/api/issues/" + pharmacyIssue + "/verification",
                Map.of("passed", true, "note", "复查属实，同意销号")));
        assertThat(api.as("inspector").get("/api/issues/" + pharmacyIssue + "?minVersion=" + closed).json()
                .get("status").asText()).isEqualTo("CLOSED");

        JsonNode progressed = roundWhen(round, roundVersion, r -> r.at("/progress/done").asInt() == 1);
        assertThat(progressed.at("/findings/0/issueStatus").asText()).isEqualTo("CLOSED");
        assertThat(progressed.at("/progress/total").asInt()).isEqualTo(2);
        assertThat(progressed.at("/progress/percentage").asInt()).isEqualTo(50);

        JsonNode listed = summaryOf(round);
        assertThat(listed.get("findings").asLong()).isEqualTo(2);
        assertThat(listed.get("open").asLong()).isEqualTo(1);
        assertThat(listed.get("closed").asLong()).isEqualTo(1);

        JsonNode forPharmacy = api.as("pharmacy").get("/api/inspection-rounds/" + round).json();
        assertThat(forPharmacy.get("findings")).as("a department sees its own findings only").hasSize(1);
        assertThat(forPharmacy.at("/findings/0/issueId").asText()).isEqualTo(pharmacyIssue);
    }

    @Test
    void a_party_rounds_visit_finding_raises_a_party_rounds_issue() {
        String round = plan("党建查房：住院部", "PARTY_ROUNDS", List.of());
        Api.Response finding = api.as("committee").post("/api/inspection-rounds/" + round + "/findings", Map.of(
                "title", "访：患者反映夜间呼叫响应慢", "description", "走访 12 床", "category", "MEDICAL_SERVICE",
                "department", "INPATIENT_SERVICE", "step", "VISIT"));
        assertThat(finding.status()).as(finding.toString()).isEqualTo(201);
        String issue = finding.json().get("id").asText();

        JsonNode raised = issueWhen(issue, i -> "ASSIGNED".equals(i.path("status").asText()));
        assertThat(raised.get("source").asText()).isEqualTo("PARTY_ROUNDS");
        assertThat(raised.get("ownerDepartment").asText()).isEqualTo("INPATIENT_SERVICE");
        JsonNode view = roundWhen(round, finding.json().get("version").asLong(),
                r -> "ASSIGNED".equals(r.at("/findings/0/issueStatus").asText()));
        assertThat(view.at("/findings/0/step").asText()).isEqualTo("VISIT");
        assertThat(view.at("/findings/0/source").asText()).isEqualTo("PARTY_ROUNDS");
    }

    @Test
    void only_inspectors_and_the_committee_plan_rounds_and_record_findings() {
        String round = plan("例行督查", "PLANNED", List.of());
        Map<String, Object> body = Map.of("title", "t", "kind", "PLANNED");
        Map<String, Object> finding = Map.of("title", "t", "description", "d", "category", "OTHER");
        for (String user : List.of("pharmacy", "auditor", "admin")) {
            Api.Response planned = api.as(user).post("/api/inspection-rounds", body);
            assertThat(planned.status()).as(user + " " + planned).isEqualTo(403);
            assertThat(planned.code()).isEqualTo("FORBIDDEN");
            Api.Response found = api.as(user).post("/api/inspection-rounds/" + round + "/findings", finding);
            assertThat(found.status()).as(user + " " + found).isEqualTo(403);
        }
        assertThat(api.anonymous().post("/api/inspection-rounds", body).status()).isEqualTo(401);
        assertThat(eventCount(round)).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_with_400_and_appends_nothing() {
        long roundsBefore = roundEvents();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("kind", "PLANNED"),
                Map.of("title", "t"),
                Map.of("title", "t", "kind", "MONTHLY"),
                Map.of("title", "t", "kind", "PLANNED", "departments", List.of("NO_SUCH_DEPT")),
                Map.of("title", "t", "kind", "PLANNED", "departments", List.of("pharmacy")))) {
            Api.Response r = api.as("inspector").post("/api/inspection-rounds", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
        }
        assertThat(roundEvents()).isEqualTo(roundsBefore);

        String round = plan("四不两直", "UNANNOUNCED", List.of());
        Map<String, Object> valid = Map.of("title", "t", "description", "d", "category", "OTHER");
        for (Map<String, Object> change : List.<Map<String, Object>>of(
                Map.of("title", " "), Map.of("category", "NOPE"), Map.of("severity", "EXTREME"),
                Map.of("department", "NO_SUCH_DEPT"), Map.of("step", "VISIT"), Map.of("step", "DANCE"))) {
            Map<String, Object> body = new HashMap<>(valid);
            body.putAll(change);
            Api.Response r = api.as("inspector").post("/api/inspection-rounds/" + round + "/findings", body);
            assertThat(r.status()).as(change + " → " + r).isEqualTo(400);
            assertThat(r.code()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        }
        Api.Response step = api.as("inspector").post("/api/inspection-rounds/" + round + "/findings",
                Map.of("title", "t", "description", "d", "category", "OTHER", "step", "VISIT"));
        assertThat(step.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(step.json().path("errors").findValuesAsText("field")).as(step.toString()).contains("step");
        assertThat(eventCount(round)).as("only the planning").isEqualTo(1);

        Api.Response unknown = api.as("inspector").post("/api/inspection-rounds/00000000-0000-4000-8000-000000000000/findings", valid);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(api.as("inspector").get("/api/inspection-rounds/00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);
    }

    private String plan(String title, String kind, List<String> departments) {
        Api.Response r = api.as("inspector").post("/api/inspection-rounds", Map.of("title", title, "kind", kind,
                "plannedDate", LocalDate.now().toString(), "departments", departments));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asText();
        assertThat(r.header("Location")).endsWith("/api/inspection-rounds/" + id);
        assertThat(r.json().get("version").asLong()).isZero();
        return id;
    }

    /** Polls the issue page, bounded: the issue is raised a moment after its finding. */
    private JsonNode issueWhen(String issueId, Predicate<JsonNode> ready) {
        return poll(() -> api.as("inspector").get("/api/issues/" + issueId + "?minVersion=0"), ready, "issue " + issueId);
    }

    private JsonNode roundWhen(String roundId, long minVersion, Predicate<JsonNode> ready) {
        return poll(() -> api.as("inspector").get("/api/inspection-rounds/" + roundId + "?minVersion=" + minVersion), ready,
                "round " + roundId);
    }

    private JsonNode summaryOf(String roundId) {
        for (JsonNode summary : api.as("committee").get("/api/inspection-rounds?size=200").json()) {
            if (summary.get("id").asText().equals(roundId)) return summary;
        }
        throw new AssertionError("round " + roundId + " not listed");
    }

    private JsonNode poll(java.util.function.Supplier<Api.Response> get, Predicate<JsonNode> ready, String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Api.Response last = null;
        while (System.nanoTime() < deadline) {
            last = get.get();
            if (last.status() == 200 && ready.test(last.json())) return last.json();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(what + " not ready within " + BOUND + "; last answer " + last);
    }

    private long roundEvents() {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where type = 'InspectionRound'", Long.class);
        return n == null ? 0 : n;
    }
}
