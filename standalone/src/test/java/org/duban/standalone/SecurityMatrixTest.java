package org.duban.standalone;

import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * API.md's "who" column over real HTTP: every issue command × every demo user and anonymous.
 * Anonymous → 401 UNAUTHENTICATED with a Basic challenge; a role not in the column → 403
 * FORBIDDEN; a role in it gets past the role check (what follows depends on the issue's state).
 */
class SecurityMatrixTest extends ScenarioTest {
    private static final String ANONYMOUS = "anonymous";
    private static final Map<String, String> ROLE = Map.of(
            "inspector", "INSPECTOR", "inspector2", "INSPECTOR", "committee", "COMMITTEE",
            "pharmacy", "DEPARTMENT", "inpatient", "DEPARTMENT", "auditor", "AUDITOR", "admin", "ADMIN");
    private static final List<String> CALLERS = List.of(ANONYMOUS, "inspector", "inspector2", "committee",
            "pharmacy", "inpatient", "auditor", "admin");

    /** A command of API.md's table: its path under the issue (null for raise), a valid body, and who may send it. */
    record Command(String name, Map<String, Object> body, Set<String> roles) {
        @Override
        public String toString() {
            return "POST /api/issues" + (name == null ? "" : "/{id}/" + name);
        }
    }

    static final List<Command> COMMANDS = List.of(
            new Command(null, Map.of("title", "权限", "description", "d", "source", "HOTLINE", "category", "OTHER"),
                    Set.of("INSPECTOR", "COMMITTEE")),
            new Command("assignment", Map.of("department", "NURSING"), Set.of("INSPECTOR")),
            new Command("acknowledgement", Map.of("note", "已签收"), Set.of("DEPARTMENT")),
            new Command("progress-reports", Map.of("percent", 10, "summary", "进展"), Set.of("DEPARTMENT")),
            new Command("extension-requests", Map.of("requestedDueDate",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60).toString(), "reason", "延期"), Set.of("DEPARTMENT")),
            new Command("extension-decisions", Map.of("approved", true), Set.of("INSPECTOR", "COMMITTEE")),
            new Command("rectification", Map.of("summary", "整改"), Set.of("DEPARTMENT")),
            new Command("verification", Map.of("passed", true, "note", "销号"), Set.of("INSPECTOR")),
            new Command("effectiveness-checks", Map.of("recurred", false, "note", "回头看"), Set.of("INSPECTOR")),
            new Command("withdrawal", Map.of("reason", "撤销"), Set.of("INSPECTOR")),
            new Command("return", Map.of("reason", "退单"), Set.of("DEPARTMENT")),
            new Command("co-departments", Map.of("department", "NURSING"), Set.of("INSPECTOR")),
            new Command("merge", Map.of("intoIssueId", UUID.randomUUID().toString()), Set.of("INSPECTOR")),
            new Command("plan", Map.of("rootCause", "原因", "measures", "措施"), Set.of("DEPARTMENT")),
            new Command("hold", Map.of("reason", "挂起"), Set.of("INSPECTOR")),
            new Command("resume", Map.of("reason", "恢复"), Set.of("INSPECTOR")));

    static Stream<Arguments> everyCommandForEveryCaller() {
        return COMMANDS.stream().flatMap(c -> CALLERS.stream().map(user -> arguments(c, user)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyCommandForEveryCaller")
    void only_the_roles_in_the_who_column_may_send_a_command(Command command, String user) {
        String id = raise("权限矩阵");
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        String path = command.name() == null ? "/api/issues" : "/api/issues/" + id + "/" + command.name();
        long eventsBefore = allEvents();

        Api.Response r = (ANONYMOUS.equals(user) ? api.anonymous() : api.as(user)).post(path, command.body());

        assertThat(r.status()).as("never a 5xx: " + r).isLessThan(500);
        if (ANONYMOUS.equals(user)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(allEvents()).isEqualTo(eventsBefore);
        } else if (!command.roles().contains(ROLE.get(user))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(allEvents()).isEqualTo(eventsBefore);
        } else {
            assertThat(r.status()).as(r.toString()).isNotEqualTo(401);
            if (r.status() >= 400) assertThat(r.code()).as(r.toString()).isNotEqualTo("FORBIDDEN");
        }
    }

    @Test
    void the_owner_department_and_the_inspector_can_walk_an_issue_through_their_own_steps() {
        String id = raise("允许的角色");
        accepted(api.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY")));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/acknowledgement", Map.of()));
        accepted(api.as("pharmacy").post("/api/issues/" + id + "/rectification", Map.of("summary", "整改")));
        accepted(api.as("inspector2").post("/api/issues/" + id + "/verification", Map.of("passed", true, "note", "销号")));
        accepted(api.as("inspector").post("/api/issues/" + id + "/effectiveness-checks", Map.of("recurred", false, "note", "有效")));
    }

    @ParameterizedTest(name = "{0} with a wrong password is 401")
    @ValueSource(strings = {"inspector", "committee", "pharmacy", "auditor", "admin", "nobody"})
    void a_wrong_password_is_401_unauthenticated_for_commands_and_reads(String user) throws Exception {
        long eventsBefore = allEvents();
        Api.Response command = basic("POST", "/api/issues", user, "wrong-" + user,
                Api.json(COMMANDS.getFirst().body()));
        assertUnauthenticated(command);
        assertThat(allEvents()).isEqualTo(eventsBefore);
        assertUnauthenticated(basic("GET", "/api/issues", user, "wrong-" + user, null));
    }

    @Test
    void listing_issues_anonymously_is_401_unauthenticated() {
        assertUnauthenticated(api.anonymous().get("/api/issues"));
    }

    @ParameterizedTest(name = "{0} may list issues")
    @ValueSource(strings = {"inspector", "inspector2", "committee", "pharmacy", "inpatient", "auditor", "admin"})
    void every_demo_user_may_list_issues(String user) {
        Api.Response r = api.as(user).get("/api/issues");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().has("items")).isTrue();
    }

    @Test
    void health_is_open_to_anyone() {
        Api.Response r = api.anonymous().get("/actuator/health");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void the_openapi_description_is_published_and_names_the_issue_endpoints() {
        Api.Response r = api.anonymous().get("/v3/api-docs");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("paths").has("/api/issues")).as("paths of the OpenAPI document").isTrue();
        assertThat(r.body()).contains("/api/issues/{id}/assignment");
    }

    // ---- helpers -------------------------------------------------------------------------

    private static void assertUnauthenticated(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic");
    }

    /** A request with explicit Basic credentials, which {@link Api} (password = user name) cannot send. */
    private Api.Response basic(String method, String path, String user, String password, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> raw = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Api.Response(raw.statusCode(), raw.body(), raw);
    }

    private long allEvents() {
        return jdbc.queryForObject(EVENTS_PEOPLE_APPENDED, Long.class);
    }
}
