package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 主动治理课题 over HTTP, as 佑安医院 ran them: 申报, expert 评审, 立项, 执行 with stage reports
 * linking issues, 效果评价 on 问题精准 / 措施合理 / 效果明显, 结题考核 with an award; the ranking
 * orders projects by score. Other suites share the database, so ranking assertions compare only
 * the projects a test created.
 */
class GovernanceProjectScenarioTest extends ScenarioTest {
    private static final String BASE = "/api/governance-projects";

    @Test
    void the_pharmacy_project_goes_from_proposal_to_a_first_prize() {
        Api.Response proposed = api.as("pharmacy").post(BASE, Map.of("title", "优化门诊药房药品调配流程",
                "department", "PHARMACY", "summary", "门诊取药排队时间长，重排调配流程以缩短等候。"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.json().get("id").asText();
        assertThat(proposed.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(proposed.json().get("version").asLong()).isZero();
        JsonNode fresh = project(id, 0);
        assertThat(fresh.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(fresh.get("departmentName").asText()).isEqualTo("药学部");
        assertThat(fresh.get("proposedBy").asText()).isEqualTo("pharmacy");

        accepted(api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "清华大学 王教授", "score", 92, "comment", "问题抓得准")));
        accepted(api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "北京医院 李主任", "score", 89)));
        long reviewed = accepted(api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "市民热线服务中心 张处长", "score", 90)));
        JsonNode underReview = project(id, reviewed);
        assertThat(underReview.get("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(underReview.get("reviews")).hasSize(3);
        assertThat(underReview.get("reviewAverage").decimalValue()).isEqualByComparingTo("90.33");
        assertThat(underReview.get("score").decimalValue()).isEqualByComparingTo("90.33");

        accepted(api.as("committee").post(path(id, "approval"), Map.of("approved", true, "note", "同意立项")));
        String issueId = raise("门诊药房取药排队超过一小时");
        long reported = accepted(api.as("pharmacy").post(path(id, "stage-reports"),
                Map.of("summary", "调配窗口由4个增至6个", "linkedIssueIds", List.of(issueId))));
        JsonNode executing = project(id, reported);
        assertThat(executing.get("status").asText()).isEqualTo("EXECUTING");
        assertThat(executing.at("/decision/approved").asBoolean()).isTrue();
        assertThat(executing.at("/stages/0/summary").asText()).isEqualTo("调配窗口由4个增至6个");
        assertThat(executing.at("/stages/0/linkedIssueIds/0").asText()).isEqualTo(issueId);
        assertThat(executing.at("/linkedIssueIds/0").asText()).isEqualTo(issueId);

        long evaluated = accepted(api.as("committee").post(path(id, "evaluation"), Map.of("problemPrecision", 92,
                "measureSoundness", 90, "effectEvidence", 91, "note", "患者取药等候时间明显缩短")));
        JsonNode evaluation = project(id, evaluated);
        assertThat(evaluation.get("status").asText()).isEqualTo("EVALUATED");
        assertThat(evaluation.at("/evaluation/average").decimalValue()).isEqualByComparingTo("91.00");
        assertThat(evaluation.get("score").decimalValue()).as("evaluated: ranked by the evaluation").isEqualByComparingTo("91.00");

        long concluded = accepted(api.as("committee").post(path(id, "conclusion"), Map.of("award", "FIRST", "note", "一等奖")));
        JsonNode done = project(id, concluded);
        assertThat(done.get("status").asText()).isEqualTo("CONCLUDED");
        assertThat(done.at("/conclusion/award").asText()).isEqualTo("FIRST");
        assertThat(done.get("version").asLong()).isEqualTo(concluded).isEqualTo(7);
        assertThat(eventCount(id)).isEqualTo(8);

        JsonNode row = rankingEntry(id);
        assertThat(row.get("status").asText()).isEqualTo("CONCLUDED");
        assertThat(row.get("award").asText()).isEqualTo("FIRST");
        assertThat(row.get("department").asText()).isEqualTo("PHARMACY");
        assertThat(row.get("rank").asInt()).isPositive();
    }

    @Test
    void the_ranking_puts_the_higher_scored_project_first() {
        String reviewedOnly = reviewedProject("患者移动端推送候诊提醒及查询功能", "IT_CENTER", 84);
        String evaluatedHigh = executingProject("建立住院服务中心统筹床位，优化住院流程", "INPATIENT_SERVICE", "inpatient");
        long v = accepted(api.as("committee").post(path(evaluatedHigh, "evaluation"),
                Map.of("problemPrecision", 99, "measureSoundness", 99, "effectEvidence", 99)));
        project(evaluatedHigh, v);
        String reviewedHigher = reviewedProject("门诊预约诊疗全覆盖", "OUTPATIENT", 98);
        project(reviewedOnly, 1);
        project(reviewedHigher, 1);

        List<String> order = new ArrayList<>();
        for (JsonNode row : api.as("auditor").get(BASE).json().get("projects")) order.add(row.get("id").asText());
        assertThat(order.indexOf(evaluatedHigh)).as("99.00 before 98.00 in " + order).isLessThan(order.indexOf(reviewedHigher));
        assertThat(order.indexOf(reviewedHigher)).as("98.00 before 84.00").isLessThan(order.indexOf(reviewedOnly));
        assertThat(rankingEntry(evaluatedHigh).get("rank").asInt()).isLessThan(rankingEntry(reviewedHigher).get("rank").asInt());
        assertThat(rankingEntry(reviewedHigher).get("rank").asInt()).isLessThan(rankingEntry(reviewedOnly).get("rank").asInt());
        assertThat(rankingEntry(evaluatedHigh).get("score").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(rankingEntry(reviewedOnly).get("reviewCount").asInt()).isEqualTo(1);
    }

    @Test
    void only_the_roles_API_md_names_may_send_each_command() {
        forbidden(null, () -> api.as("inspector").post(BASE, Map.of("title", "督查组代报", "department", "PHARMACY")));
        forbidden(null, () -> api.as("auditor").post(BASE, Map.of("title", "审计代报", "department", "PHARMACY")));
        String id = proposedBy("pharmacy", "PHARMACY");
        forbidden(id, () -> api.as("pharmacy").post(path(id, "reviews"), Map.of("reviewer", "自评", "score", 100)));
        forbidden(id, () -> api.as("inspector").post(path(id, "approval"), Map.of("approved", true)));
        forbidden(id, () -> api.as("committee").post(path(id, "stage-reports"), Map.of("summary", "委员会代报")));
        forbidden(id, () -> api.as("admin").post(path(id, "evaluation"),
                Map.of("problemPrecision", 90, "measureSoundness", 90, "effectEvidence", 90)));
        forbidden(id, () -> api.as("pharmacy").post(path(id, "conclusion"), Map.of("award", "FIRST")));
    }

    @Test
    void a_department_proposes_and_reports_only_for_itself() {
        refused(null, 403, "NOT_OWNER_DEPARTMENT", () -> api.as("pharmacy").post(BASE,
                Map.of("title", "替住院服务中心申报", "department", "INPATIENT_SERVICE")));
        Api.Response forPharmacy = api.as("committee").post(BASE, Map.of("title", "委员会为药学部申报", "department", "PHARMACY"));
        assertThat(forPharmacy.status()).as("the committee proposes for any department: " + forPharmacy).isEqualTo(201);
        String id = executingProject("药学部课题", "PHARMACY", "pharmacy");
        refused(id, 403, "NOT_OWNER_DEPARTMENT", () -> api.as("inpatient").post(path(id, "stage-reports"),
                Map.of("summary", "代报", "linkedIssueIds", List.of())));
    }

    @Test
    void illegal_transitions_are_refused_with_409_and_append_nothing() {
        String id = proposedBy("pharmacy", "PHARMACY");
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("committee").post(path(id, "approval"), Map.of("approved", true)));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("pharmacy").post(path(id, "stage-reports"), Map.of("summary", "未立项")));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("committee").post(path(id, "evaluation"),
                Map.of("problemPrecision", 90, "measureSoundness", 90, "effectEvidence", 90)));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("committee").post(path(id, "conclusion"), Map.of("award", "THIRD")));

        accepted(api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "专家甲", "score", 60)));
        accepted(api.as("committee").post(path(id, "approval"), Map.of("approved", false, "note", "不予立项")));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("committee").post(path(id, "approval"), Map.of("approved", true)));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "专家乙", "score", 99)));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("pharmacy").post(path(id, "stage-reports"), Map.of("summary", "已否决")));
        assertThat(project(id, 2).get("status").asText()).isEqualTo("REJECTED");
        assertThat(project(id, 2).at("/decision/approved").asBoolean()).isFalse();
    }

    @Test
    void bad_input_is_refused_before_anything_is_appended() {
        refused(null, 400, "VALIDATION_FAILED", () -> api.as("committee").post(BASE, Map.of("title", "无此科室", "department", "NO_SUCH_DEPT")));
        refused(null, 400, "VALIDATION_FAILED", () -> api.as("committee").post(BASE, Map.of("department", "PHARMACY")));
        String id = proposedBy("pharmacy", "PHARMACY");
        refused(id, 400, "VALIDATION_FAILED", () -> api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "专家", "score", 101)));
        accepted(api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "专家", "score", 80)));
        refused(id, 400, "VALIDATION_FAILED", () -> api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "专家", "score", 85)));
        accepted(api.as("committee").post(path(id, "approval"), Map.of("approved", true)));
        refused(id, 400, "VALIDATION_FAILED", () -> api.as("pharmacy").post(path(id, "stage-reports"),
                Map.of("summary", "阶段", "linkedIssueIds", List.of("ISSUE-7"))));
        refused(id, 404, "NOT_FOUND", () -> api.as("committee").post(path(UUID.randomUUID().toString(), "reviews"),
                Map.of("reviewer", "专家", "score", 80)));
        refused(id, 404, "NOT_FOUND", () -> api.as("committee").post(path("not-a-project", "reviews"),
                Map.of("reviewer", "专家", "score", 80)));
        String issueId = raise("不是课题");
        Api.Response onIssue = api.as("committee").post(path(issueId, "reviews"), Map.of("reviewer", "专家", "score", 80));
        assertThat(onIssue.status()).as("an issue's id names no project: " + onIssue).isBetween(400, 499);
        assertThat(eventCount(issueId)).isEqualTo(1);
        Api.Response unknown = api.as("auditor").get(BASE + "/" + UUID.randomUUID());
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String proposedBy(String user, String department) {
        Api.Response r = api.as(user).post(BASE, Map.of("title", "测试课题 " + UUID.randomUUID(), "department", department));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String reviewedProject(String title, String department, int score) {
        Api.Response r = api.as("committee").post(BASE, Map.of("title", title, "department", department));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("id").asText();
        accepted(api.as("committee").post(path(id, "reviews"), Map.of("reviewer", "专家", "score", score)));
        return id;
    }

    private String executingProject(String title, String department, String user) {
        String id = reviewedProject(title, department, 90);
        accepted(api.as("committee").post(path(id, "approval"), Map.of("approved", true)));
        accepted(api.as(user).post(path(id, "stage-reports"), Map.of("summary", "第一阶段")));
        return id;
    }

    private JsonNode project(String id, long minVersion) {
        Api.Response r = api.as("auditor").get(BASE + "/" + id + "?minVersion=" + minVersion);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode rankingEntry(String id) {
        for (JsonNode row : api.as("pharmacy").get(BASE).json().get("projects")) {
            if (row.get("id").asText().equals(id)) return row;
        }
        throw new AssertionError(id + " is not in the ranking");
    }

    private static String path(String id, String step) {
        return BASE + "/" + id + "/" + step;
    }

    private void forbidden(String id, Supplier<Api.Response> command) {
        refused(id, 403, "FORBIDDEN", command);
    }

    /** Refused with {@code status} and {@code code}, and nothing appended: to the project when known, else anywhere. */
    private void refused(String id, int status, String code, Supplier<Api.Response> command) {
        long before = id == null ? allEvents() : eventCount(id);
        Api.Response r = command.get();
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("content type of " + r).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(id == null ? allEvents() : eventCount(id)).as("events after a refusal").isEqualTo(before);
    }

    private long allEvents() {
        return peopleAppended();
    }
}
