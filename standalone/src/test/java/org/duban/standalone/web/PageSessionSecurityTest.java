package org.duban.standalone.web;

import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' sign-in over plain HTTP: form login gives a session cookie the API also accepts;
 * writes riding on that cookie need the CSRF token, API clients with credentials do not; signed
 * out, pages redirect to the login form while the API still answers 401 problem+json; failures
 * on pages are a friendly page with the code, and user text is escaped.
 */
class PageSessionSecurityTest extends ScenarioTest {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private HttpClient browser;

    @BeforeEach
    void freshCookieJar() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void a_page_asked_for_without_signing_in_redirects_to_the_login_form_but_the_api_answers_401() throws Exception {
        HttpResponse<String> page = get("/issues");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"login-form\"").contains("登录");

        HttpResponse<String> api = get("/api/issues");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"code\":\"UNAUTHENTICATED\"");

        HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/api/issues")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(write.statusCode()).isEqualTo(401);
    }

    @Test
    void a_wrong_password_shows_the_login_form_again_with_a_message() throws Exception {
        HttpResponse<String> answer = signIn("inspector", "wrong");
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(get("/login?error").body()).contains("id=\"login-error\"").contains("用户名或密码错误");
        assertThat(get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void the_session_reads_the_api_and_writes_with_its_csrf_token_only() throws Exception {
        assertThat(signIn("inspector", "inspector").headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("inspector").contains("首页");
        assertThat(get("/api/issues").statusCode()).isEqualTo(200);

        String raise = "{\"title\":\"会话登记\",\"description\":\"d\",\"source\":\"HOTLINE\",\"category\":\"OTHER\"}";
        HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/api/issues")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(raise)));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("\"code\":\"FORBIDDEN\"").contains("security token");

        String token = find(META_CSRF, home.body());
        HttpResponse<String> withToken = send(HttpRequest.newBuilder(uri("/api/issues")).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(raise)));
        assertThat(withToken.statusCode()).isEqualTo(201);

        // The session carries the signed-in user's role: the inspector may not acknowledge.
        String id = find(Pattern.compile("\"id\":\"([^\"]+)\""), withToken.body());
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/issues/" + id + "/acknowledgement"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(refused.statusCode()).isEqualTo(403);

        // Signing out ends the session for the API too.
        HttpResponse<String> out = send(HttpRequest.newBuilder(uri("/logout")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(get("/api/issues").statusCode()).isEqualTo(401);
    }

    @Test
    void failures_on_pages_are_a_friendly_page_with_the_code_and_user_text_is_escaped() throws Exception {
        var raised = api.as("inspector").post("/api/issues", java.util.Map.of("title", "<script>alert('x')</script> 标题",
                "description", "d", "source", "HOTLINE", "category", "OTHER")).json();
        String id = raised.get("id").asText();
        long version = raised.get("version").asLong();
        signIn("inpatient", "inpatient");
        HttpResponse<String> other = get("/issues/" + id + "?minVersion=" + version);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("NOT_OWNER_DEPARTMENT").contains("这个事项属于其他部门")
                .doesNotContain("Exception").doesNotContain("at org.");

        HttpResponse<String> missing = get("/issues/no-such-issue");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("ISSUE_NOT_FOUND").doesNotContain("Exception");

        HttpResponse<String> badFilter = get("/issues?status=NOPE");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.body()).contains("VALIDATION_FAILED").doesNotContain("Exception");

        HttpResponse<String> noPage = get("/no-such-page");
        assertThat(noPage.statusCode()).isEqualTo(404);
        assertThat(noPage.body()).doesNotContain("Whitelabel").doesNotContain("Exception");

        freshCookieJar();
        signIn("inspector", "inspector");
        HttpResponse<String> page = get("/issues/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 标题")
                .doesNotContain("<script>alert(");
        HttpResponse<String> english = get("/issues/" + id + "?lang=en");
        assertThat(english.body()).contains("Timeline").contains("Registered").doesNotContain("事件时间轴");
        assertThat(get("/issues").body()).contains("Issues");
        assertThat(get("/issues?lang=zh-CN").body()).contains("督办台账");
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        String token = find(HIDDEN_CSRF, get("/login").body());
        String form = "username=" + user + "&password=" + password + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("pattern %s in page", pattern).isTrue();
        return m.group(1);
    }
}
