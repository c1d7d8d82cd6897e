package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * DOMAIN.md's illegal transitions, as clients see them: the right status and stable code in a
 * problem+json body, and not one event appended.
 */
class RefusedTransitionsOverHttpTest extends ScenarioTest {

    @Test
    void acknowledging_an_issue_that_was_never_assigned_is_an_invalid_transition() {
        String id = raise("未派单");
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("pharmacy").post(path(id, "acknowledgement"), Map.of()));
    }

    @Test
    void a_department_cannot_acknowledge_an_issue_another_department_owns() {
        String id = assignedTo("INPATIENT_SERVICE");
        refused(id, 403, "NOT_OWNER_DEPARTMENT", () -> api.as("pharmacy").post(path(id, "acknowledgement"), Map.of()));
        refused(id, 403, "NOT_OWNER_DEPARTMENT", () -> api.as("pharmacy").post(path(id, "return"), Map.of("reason", "不归我们管")));
    }

    @Test
    void verifying_before_any_rectification_was_submitted_is_an_invalid_transition() {
        String id = inProgressAtPharmacy();
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("inspector").post(path(id, "verification"),
                Map.of("passed", true, "note", "销号")));
    }

    @Test
    void closing_twice_is_an_invalid_transition() {
        String id = inProgressAtPharmacy();
        accepted(api.as("pharmacy").post(path(id, "rectification"), Map.of("summary", "已整改")));
        accepted(api.as("inspector2").post(path(id, "verification"), Map.of("passed", true, "note", "销号")));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("inspector").post(path(id, "verification"),
                Map.of("passed", true, "note", "再次销号")));
    }

    @Test
    void an_extension_to_a_date_not_after_the_due_date_is_refused() {
        String id = inProgressAtPharmacy();
        String dueDate = issue(id).at("/deadlines/dueDate").asText();
        refused(id, 409, "EXTENSION_NOT_LATER", () -> api.as("pharmacy").post(path(id, "extension-requests"),
                Map.of("requestedDueDate", dueDate, "reason", "同一天")));
        String earlier = LocalDate.parse(dueDate).minusDays(1).toString();
        refused(id, 409, "EXTENSION_NOT_LATER", () -> api.as("pharmacy").post(path(id, "extension-requests"),
                Map.of("requestedDueDate", earlier, "reason", "更早")));
    }

    @Test
    void a_second_extension_request_while_one_is_pending_is_refused() {
        String id = inProgressAtPharmacy();
        String later = LocalDate.parse(issue(id).at("/deadlines/dueDate").asText()).plusDays(10).toString();
        accepted(api.as("pharmacy").post(path(id, "extension-requests"), Map.of("requestedDueDate", later, "reason", "采购")));
        refused(id, 409, "EXTENSION_PENDING", () -> api.as("pharmacy").post(path(id, "extension-requests"),
                Map.of("requestedDueDate", later, "reason", "再次申请")));
    }

    @Test
    void deciding_an_extension_when_none_is_pending_is_refused() {
        String id = inProgressAtPharmacy();
        refused(id, 409, "NO_EXTENSION_PENDING", () -> api.as("committee").post(path(id, "extension-decisions"), Map.of("approved", true)));
        String later = LocalDate.parse(issue(id).at("/deadlines/dueDate").asText()).plusDays(10).toString();
        accepted(api.as("pharmacy").post(path(id, "extension-requests"), Map.of("requestedDueDate", later, "reason", "采购")));
        accepted(api.as("inspector").post(path(id, "extension-decisions"), Map.of("approved", false)));
        refused(id, 409, "NO_EXTENSION_PENDING", () -> api.as("committee").post(path(id, "extension-decisions"), Map.of("approved", true)));
    }

    static Stream<Arguments> commandsOnAWithdrawnIssue() {
        return Stream.of(
                arguments("inspector", "assignment", Map.of("department", "NURSING")),
                arguments("inspector", "co-departments", Map.of("department", "NURSING")),
                arguments("inspector", "hold", Map.of("reason", "r")),
                arguments("inspector", "resume", Map.of("reason", "r")),
                arguments("inspector", "withdrawal", Map.of("reason", "再撤一次")),
                arguments("inspector", "verification", Map.of("passed", true, "note", "n")),
                arguments("inspector", "effectiveness-checks", Map.of("recurred", false, "note", "n")),
                arguments("committee", "extension-decisions", Map.of("approved", true)),
                arguments("pharmacy", "acknowledgement", Map.of()),
                arguments("pharmacy", "progress-reports", Map.of("percent", 10, "summary", "s")),
                arguments("pharmacy", "extension-requests", Map.of("requestedDueDate", "2099-01-01", "reason", "r")),
                arguments("pharmacy", "rectification", Map.of("summary", "s")),
                arguments("pharmacy", "plan", Map.of("rootCause", "r", "measures", "m")),
                arguments("pharmacy", "return", Map.of("reason", "r")));
    }

    @ParameterizedTest(name = "{0} posting {1} on a withdrawn issue is 409")
    @MethodSource("commandsOnAWithdrawnIssue")
    void no_command_changes_a_withdrawn_issue(String user, String command, Map<String, Object> body) {
        String id = assignedTo("PHARMACY");
        accepted(api.as("inspector").post(path(id, "withdrawal"), Map.of("reason", "重复登记")));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as(user).post(path(id, command), body));
    }

    @Test
    void merging_a_withdrawn_issue_into_another_is_an_invalid_transition() {
        String id = raise("已撤销");
        String target = raise("目标");
        accepted(api.as("inspector").post(path(id, "withdrawal"), Map.of("reason", "撤销")));
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("inspector").post(path(id, "merge"), Map.of("intoIssueId", target)));
    }

    @Test
    void a_department_cannot_return_an_issue_after_acknowledging_it() {
        String id = inProgressAtPharmacy();
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("pharmacy").post(path(id, "return"), Map.of("reason", "不归我们管")));
    }

    @Test
    void an_issue_cannot_be_merged_into_itself() {
        String id = raise("自己");
        refused(id, 409, "MERGE_TARGET_INVALID", () -> api.as("inspector").post(path(id, "merge"), Map.of("intoIssueId", id)));
    }

    @Test
    void an_issue_cannot_be_merged_into_an_unknown_issue() {
        String id = raise("无目标");
        refused(id, 409, "MERGE_TARGET_INVALID", () -> api.as("inspector").post(path(id, "merge"),
                Map.of("intoIssueId", UUID.randomUUID().toString())));
    }

    @Test
    void an_issue_cannot_be_merged_into_a_withdrawn_issue() {
        String id = raise("重复");
        String target = raise("已撤销的目标");
        accepted(api.as("inspector").post(path(target, "withdrawal"), Map.of("reason", "撤销")));
        refused(id, 409, "MERGE_TARGET_INVALID", () -> api.as("inspector").post(path(id, "merge"), Map.of("intoIssueId", target)));
    }

    @Test
    void a_merged_issue_ends_withdrawn_as_a_duplicate_linked_to_its_target() {
        String duplicate = raise("重复投诉");
        String target = raise("原始投诉");
        long v = accepted(api.as("inspector").post(path(duplicate, "merge"), Map.of("intoIssueId", target, "reason", "同一投诉人")));
        JsonNode merged = api.as("inspector").get("/api/issues/" + duplicate + "?minVersion=" + v).json();
        assertThat(merged.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(merged.get("withdrawalReason").asText()).isEqualTo("DUPLICATE");
        assertThat(merged.get("mergedInto").asText()).isEqualTo(target);
        assertThat(eventCount(target)).as("the target's history is untouched").isEqualTo(1);
        refused(duplicate, 409, "INVALID_TRANSITION", () -> api.as("inspector").post(path(duplicate, "merge"),
                Map.of("intoIssueId", target)));
    }

    @Test
    void holding_an_issue_that_is_already_on_hold_is_refused() {
        String id = assignedTo("PHARMACY");
        accepted(api.as("inspector").post(path(id, "hold"), Map.of("reason", "等待卫健委答复")));
        refused(id, 409, "ON_HOLD", () -> api.as("inspector").post(path(id, "hold"), Map.of("reason", "再挂起")));
    }

    @Test
    void resuming_an_issue_that_is_not_on_hold_is_refused() {
        String id = assignedTo("PHARMACY");
        refused(id, 409, "NOT_ON_HOLD", () -> api.as("inspector").post(path(id, "resume"), Map.of("reason", "恢复")));
    }

    @Test
    void rectification_cannot_be_submitted_while_the_issue_is_on_hold() {
        String id = inProgressAtPharmacy();
        accepted(api.as("inspector").post(path(id, "hold"), Map.of("reason", "等待外部鉴定")));
        refused(id, 409, "ON_HOLD", () -> api.as("pharmacy").post(path(id, "rectification"), Map.of("summary", "已整改")));
    }

    @Test
    void an_effectiveness_check_on_an_open_issue_is_an_invalid_transition() {
        String id = inProgressAtPharmacy();
        refused(id, 409, "INVALID_TRANSITION", () -> api.as("inspector").post(path(id, "effectiveness-checks"),
                Map.of("recurred", false, "note", "回头看")));
    }

    @Test
    void assigning_an_issue_to_its_current_owner_or_adding_a_co_department_twice_is_refused() {
        String id = assignedTo("PHARMACY");
        refused(id, 409, "ALREADY_OWNER", () -> api.as("inspector").post(path(id, "assignment"), Map.of("department", "PHARMACY")));
        refused(id, 409, "ALREADY_OWNER", () -> api.as("inspector").post(path(id, "co-departments"), Map.of("department", "PHARMACY")));
        accepted(api.as("inspector").post(path(id, "co-departments"), Map.of("department", "NURSING")));
        refused(id, 409, "ALREADY_CO_DEPARTMENT", () -> api.as("inspector").post(path(id, "co-departments"), Map.of("department", "NURSING")));
    }

    // ---- helpers -------------------------------------------------------------------------

    /** The command is refused with this status and code as problem+json, and the issue's event stream is unchanged. */
    private void refused(String issueId, int status, String code, Supplier<Api.Response> command) {
        long before = eventCount(issueId);
        Api.Response r = command.get();
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("content type of " + r).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.json().path("detail").asText()).as("a message a person can act on").isNotBlank();
        assertThat(eventCount(issueId)).as("events of " + issueId + " after a refusal").isEqualTo(before);
    }

    private String assignedTo(String department) {
        String id = raise("拒绝场景");
        accepted(api.as("inspector").post(path(id, "assignment"), Map.of("department", department)));
        return id;
    }

    private String inProgressAtPharmacy() {
        String id = assignedTo("PHARMACY");
        accepted(api.as("pharmacy").post(path(id, "acknowledgement"), Map.of("note", "已签收")));
        return id;
    }

    private JsonNode issue(String id) {
        return api.as("inspector").get("/api/issues/" + id + "?minVersion=" + (eventCount(id) - 1)).json();
    }

    private static String path(String id, String command) {
        return "/api/issues/" + id + "/" + command;
    }
}
