package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer's walk through API.md: raise, assign, acknowledge, report, extend, rectify, verify, read the history. */
class IssueLifecycleScenarioTest extends ScenarioTest {

    @Test
    void an_issue_walks_from_raise_to_closed_and_its_history_tells_every_step() {
        Api.Response raised = api.as("inspector").post("/api/issues", Map.of(
                "title", "优化门诊药房药品调配流程", "description", "取药等候时间长",
                "source", "HOTLINE", "category", "MEDICAL_SERVICE", "externalRef", "12345-0001",
                "complainant", Map.of("name", "张三丰", "phone", "13800001234", "idNumber", "110101199001011234")));
        assertThat(raised.status()).isEqualTo(201);
        String id = raised.json().get("id").asText();
        assertThat(raised.header("Location")).endsWith("/api/issues/" + id);
        assertThat(raised.json().get("version").asLong()).isZero();

        assertThat(accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")))).isEqualTo(1);
        assertThat(accepted(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of("note", "已签收")))).isEqualTo(2);
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/plan", Map.of("rootCause", "窗口不足", "measures", "增设窗口",
                "milestones", List.of(Map.of("title", "增设窗口", "dueDate", LocalDate.now().plusDays(3).toString())))));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/progress-reports", Map.of("percent", 50, "summary", "已增设一个窗口")));
        String later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/extension-requests", Map.of("requestedDueDate", later, "reason", "需采购设备")));
        accepted(api.as("committee").post("/api/issues/" + id + "/extension-decisions", Map.of("approved", true, "note", "同意")));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/rectification", Map.of("summary", "预调配上线", "evidence", List.of("统计.xlsx"))));
        long closedVersion = accepted(api.as("inspector").post("/api/issues/" + id + "/verification", Map.of("passed", true, "note", "同意销号")));
        assertThat(closedVersion).isEqualTo(8);

        JsonNode issue = api.as("inspector").get("/api/issues/" + id + "?minVersion=" + closedVersion).json();
        assertThat(issue.get("status").asText()).isEqualTo("CLOSED");
        assertThat(issue.get("version").asLong()).isEqualTo(closedVersion);
        assertThat(issue.get("ownerDepartment").asText()).isEqualTo("PHARMACY");
        assertThat(issue.at("/deadlines/dueDate").asText()).isEqualTo(later);
        assertThat(issue.at("/extensions/0/decision").asText()).isEqualTo("APPROVED");
        assertThat(issue.at("/loopStages/RECTIFICATION").asBoolean()).isTrue();
        assertThat(issue.at("/complainant/name").asText()).isEqualTo("张三丰");

        JsonNode history = api.as("auditor").get("/api/issues/" + id + "/history?minVersion=" + closedVersion).json();
        assertThat(history).hasSize(9);
        assertThat(history.findValuesAsText("type")).containsExactly("IssueRaised", "OwnerAssigned", "IssueAcknowledged",
                "RectificationPlanFiled", "ProgressReported", "ExtensionRequested", "ExtensionApproved",
                "RectificationSubmitted", "IssueClosed");
        assertThat(history.get(0).at("/actor/id").asText()).isEqualTo("inspector");
        assertThat(history.get(2).at("/actor/department").asText()).isEqualTo("PHARMACY");
        assertThat(history.get(8).get("loopStage").asText()).isEqualTo("RECTIFICATION");
        assertThat(history.get(0).at("/data/complainant/sealed").asBoolean()).isTrue();
        assertThat(history.toString()).doesNotContain("张三丰").doesNotContain("13800001234");

        JsonNode list = api.as("inspector").get("/api/issues?status=CLOSED&q=12345-0001").json();
        assertThat(list.get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.at("/items/0/id").asText()).isEqualTo(id);
    }

    @Test
    void personal_data_is_masked_for_department_users_and_never_stored_in_plain_text() {
        Api.Response raised = api.as("inspector").post("/api/issues", Map.of("title", "隐私", "description", "d",
                "source", "HOTLINE", "category", "OTHER",
                "complainant", Map.of("name", "李四", "phone", "13912345678", "idNumber", "110101198001011234")));
        String id = raised.json().get("id").asText();
        long v = accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));

        JsonNode masked = api.as("pharmacy").get("/api/issues/" + id + "?minVersion=" + v).json().get("complainant");
        assertThat(masked.get("name").asText()).isEqualTo("李*");
        assertThat(masked.get("phone").asText()).isEqualTo("139****5678");
        assertThat(masked.get("idNumber").asText()).isEqualTo("1101**********1234");

        String payloads = String.join("", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?", String.class, id));
        assertThat(payloads).doesNotContain("李四").doesNotContain("13912345678").doesNotContain("110101198001011234");
    }

    @Test
    void a_department_user_sees_only_its_own_departments_issues() {
        String mine = raise("药房的事项");
        String theirs = raise("住院的事项");
        long mv = accepted(api.as("inspector").post("/api/issues/" + mine + "/assignment", Map.of("department", "PHARMACY")));
        long v = accepted(api.as("inspector").post("/api/issues/" + theirs + "/assignment", Map.of("department", "INPATIENT_SERVICE")));
        // Each view catches up on its own: wait for both issues in the ledger and in the history.
        api.as("inspector").get("/api/issues/" + mine + "?minVersion=" + mv);
        api.as("inspector").get("/api/issues/" + theirs + "?minVersion=" + v);
        api.as("inspector").get("/api/issues/" + theirs + "/history?minVersion=" + v);

        JsonNode list = api.as("pharmacy").get("/api/issues?size=200").json();
        assertThat(list.findValuesAsText("id")).contains(mine).doesNotContain(theirs);
        assertThat(list.findValuesAsText("ownerDepartment")).containsOnly("PHARMACY");

        Api.Response other = api.as("pharmacy").get("/api/issues/" + theirs);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("NOT_OWNER_DEPARTMENT");
        assertThat(api.as("pharmacy").get("/api/issues/" + theirs + "/history").status()).isEqualTo(403);
    }

    @Test
    void reassignment_keeps_every_owner_in_the_owner_history() {
        String id = raise("改派");
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "OUTPATIENT")));
        long v = accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY", "reason", "职责调整")));
        JsonNode owners = api.as("inspector").get("/api/issues/" + id + "?minVersion=" + v).json().get("ownerHistory");
        assertThat(owners).hasSize(2);
        assertThat(owners.get(0).get("department").asText()).isEqualTo("OUTPATIENT");
        assertThat(owners.get(0).get("to").isNull()).isFalse();
        assertThat(owners.get(1).get("department").asText()).isEqualTo("PHARMACY");
        assertThat(owners.get(1).get("to").isNull()).isTrue();
    }

    @Test
    void the_same_idempotency_key_from_the_same_user_returns_the_same_issue_and_appends_nothing() {
        Map<String, String> body = Map.of("title", "幂等", "description", "d", "source", "MAILBOX", "category", "OTHER");
        Map<String, String> key = Map.of("Idempotency-Key", "mailbox-2026-0042");
        Api.Response first = api.as("inspector").postRaw("/api/issues", Api.json(body), key);
        Api.Response again = api.as("inspector").postRaw("/api/issues", Api.json(body), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        String id = first.json().get("id").asText();
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(eventCount(id)).isEqualTo(1);

        Api.Response otherUser = api.as("inspector2").postRaw("/api/issues", Api.json(body), key);
        assertThat(otherUser.status()).isEqualTo(201);
        assertThat(otherUser.json().get("id").asText()).isNotEqualTo(id);
    }

    @Test
    void asking_for_a_version_the_view_never_reaches_answers_503_with_retry_after() {
        String id = raise("版本");
        Api.Response r = api.as("inspector").get("/api/issues/" + id + "?minVersion=99");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("READ_MODEL_BEHIND");
        assertThat(r.header("Retry-After")).isNotBlank();
    }

    @Test
    void an_issue_can_be_seen_as_it_was_known_at_an_earlier_instant() {
        String id = raise("时点");
        long v1 = accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        JsonNode assigned = api.as("inspector").get("/api/issues/" + id + "/history?minVersion=" + v1).json().get(1);
        String assignedAt = assigned.get("occurredAt").asText();
        long v2 = accepted(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
        assertThat(api.as("inspector").get("/api/issues/" + id + "?minVersion=" + v2).json().get("status").asText()).isEqualTo("IN_PROGRESS");
        api.as("inspector").get("/api/issues/" + id + "/history?minVersion=" + v2);

        JsonNode then = api.as("inspector").get("/api/issues/" + id + "?asOf=" + assignedAt).json();
        assertThat(then.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(then.get("version").asLong()).isEqualTo(1);
        assertThat(api.as("inspector").get("/api/issues/" + id + "/history?asOf=" + assignedAt).json()).hasSize(2);
        assertThat(api.as("inspector").get("/api/issues/" + id + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void assigning_to_a_department_that_does_not_exist_is_refused_and_appends_nothing() {
        String id = raise("未知部门");
        Api.Response r = api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "NO_SUCH_DEPT"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("department");
        assertThat(eventCount(id)).isEqualTo(1);
        assertThat(api.as("pharmacy").get("/api/departments").json().findValuesAsText("code")).contains("PHARMACY", "IT_CENTER");
    }

    @Test
    void an_id_that_belongs_to_another_kind_of_item_names_no_issue() {
        Api.Response round = api.as("inspector").post("/api/inspection-rounds", Map.of("title", "四不两直暗访", "kind", "UNANNOUNCED"));
        assertThat(round.status()).isEqualTo(201);
        String roundId = round.json().get("id").asText();
        Api.Response r = api.as("inspector").post("/api/issues/" + roundId + "/assignment", Map.of("department", "PHARMACY"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("ISSUE_NOT_FOUND");
    }
}
