package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * COMMITTEE drafts a bulletin (通报), names one issue in commendation and one in criticism,
 * publishes it; the bulletin is then immutable, reads as JSON and as a PDF notice with an
 * embedded Chinese font, and both issues reach the loop stage NOTIFICATION.
 */
class BulletinScenarioTest extends ScenarioTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PRAISE = "药学部三日内完成整改，患者取药等候时间明显缩短，予以通报表扬。";
    private static final String BLAME = "住院服务中心推诿扯皮，逾期未整改，予以通报批评。";

    @Test
    void a_published_bulletin_is_immutable_reads_as_a_notice_and_notifies_every_issue_it_names() throws Exception {
        String praised = raise("门诊药房取药排队时间过长");
        String criticised = raise("住院部入院手续办理推诿");

        Api.Response drafted = api.as("committee").post("/api/bulletins", Map.of("title", "关于十月份督办事项落实情况的通报", "period", "2026-10"));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        assertThat(drafted.header("Location")).isEqualTo("/api/bulletins/" + id);

        accepted(api.as("committee").post("/api/bulletins/" + id + "/entries",
                Map.of("issueId", praised, "kind", "COMMENDATION", "text", PRAISE, "department", "PHARMACY")));
        accepted(api.as("committee").post("/api/bulletins/" + id + "/entries",
                Map.of("issueId", criticised, "kind", "CRITICISM", "text", BLAME, "department", "INPATIENT_SERVICE")));
        refused(api.as("committee").post("/api/bulletins/" + id + "/entries",
                Map.of("issueId", praised, "kind", "CRITICISM", "text", "重复")), 409, "ISSUE_ALREADY_IN_BULLETIN");

        JsonNode draft = api.as("committee").get("/api/bulletins/" + id + "?minVersion=2").json();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(api.as("pharmacy").get("/api/bulletins/" + id).status()).as("drafts are not shown to departments").isEqualTo(404);
        assertThat(pdf("committee", id).statusCode()).as("a draft is no notice yet").isEqualTo(409);

        long published = accepted(api.as("committee").post("/api/bulletins/" + id + "/publication", "{}"));
        assertThat(published).isEqualTo(3);

        long events = eventCount(id);
        refused(api.as("committee").post("/api/bulletins/" + id + "/entries",
                Map.of("issueId", praised, "kind", "COMMENDATION", "text", "再次表扬")), 409, "BULLETIN_PUBLISHED");
        refused(api.as("committee").post("/api/bulletins/" + id + "/publication", "{}"), 409, "BULLETIN_PUBLISHED");
        assertThat(eventCount(id)).as("refusals append nothing").isEqualTo(events);

        JsonNode bulletin = api.as("pharmacy").get("/api/bulletins/" + id + "?minVersion=" + published).json();
        assertThat(bulletin.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(bulletin.get("version").asLong()).isEqualTo(published);
        assertThat(bulletin.get("number").asText()).isEqualTo("督办通报〔2026〕10号");
        assertThat(bulletin.get("publishedAt").isNull()).isFalse();
        assertThat(bulletin.get("entries")).hasSize(2);
        JsonNode first = bulletin.get("entries").get(0);
        assertThat(first.get("issueId").asText()).isEqualTo(praised);
        assertThat(first.get("issueTitle").asText()).isEqualTo("门诊药房取药排队时间过长");
        assertThat(first.get("kind").asText()).isEqualTo("COMMENDATION");
        assertThat(first.get("departmentName").asText()).isEqualTo("药学部");
        assertThat(bulletin.get("entries").get(1).get("text").asText()).isEqualTo(BLAME);

        JsonNode october = api.as("pharmacy").get("/api/bulletins?period=2026-10").json();
        assertThat(october.findValuesAsText("id")).contains(id);
        assertThat(api.as("pharmacy").get("/api/bulletins?period=2026-09").json().findValuesAsText("id")).doesNotContain(id);

        HttpResponse<byte[]> notice = pdf("pharmacy", id);
        assertThat(notice.statusCode()).isEqualTo(200);
        assertThat(notice.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(notice.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("XX医院督办委员会通报", "督办通报〔2026〕10号", "关于十月份督办事项落实情况的通报",
                    "表扬", "批评", "门诊药房取药排队时间过长", "药学部", "住院服务中心",
                    PRAISE.replaceAll("\\s+", ""), BLAME.replaceAll("\\s+", ""));
            assertThat(text.indexOf("表扬")).as("commendations before criticisms").isLessThan(text.indexOf("批评"));
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded, "embedded");
        }

        awaitNotified(praised);
        awaitNotified(criticised);
    }

    @Test
    void only_the_committee_drafts_fills_and_publishes_bulletins() {
        String issue = raise("非委员会不得编发通报");
        Api.Response drafted = api.as("committee").post("/api/bulletins", Map.of("title", "权限测试通报", "period", "2026-11"));
        String id = drafted.json().get("id").asText();
        long events = eventCount(id);
        for (String user : List.of("inspector", "pharmacy", "auditor", "admin")) {
            assertThat(api.as(user).post("/api/bulletins", Map.of("title", "越权", "period", "2026-11")).status()).isEqualTo(403);
            assertThat(api.as(user).post("/api/bulletins/" + id + "/entries",
                    Map.of("issueId", issue, "kind", "CRITICISM", "text", "越权")).status()).isEqualTo(403);
            assertThat(api.as(user).post("/api/bulletins/" + id + "/publication", "{}").status()).isEqualTo(403);
        }
        assertThat(eventCount(id)).isEqualTo(events);
    }

    @Test
    void an_entry_must_name_an_existing_issue_and_a_known_department_and_an_empty_bulletin_is_not_published() {
        String id = api.as("committee").post("/api/bulletins", Map.of("title", "校验测试通报", "period", "2026-12")).json().get("id").asText();
        refused(api.as("committee").post("/api/bulletins/" + id + "/entries",
                Map.of("issueId", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "kind", "CRITICISM", "text", "不存在")), 404, "ISSUE_NOT_FOUND");
        refused(api.as("committee").post("/api/bulletins/" + id + "/entries",
                Map.of("issueId", raise("部门校验"), "kind", "CRITICISM", "text", "未知部门", "department", "NO_SUCH_DEPT")), 400, "VALIDATION_FAILED");
        refused(api.as("committee").post("/api/bulletins/" + id + "/publication", "{}"), 409, "BULLETIN_EMPTY");
        refused(api.as("committee").post("/api/bulletins", Map.of("title", "坏期间", "period", "2026-13")), 400, "VALIDATION_FAILED");
        refused(api.as("committee").post("/api/bulletins/7c9e6679-7425-40de-944b-e07fc1f90ae7/publication", "{}"), 404, "NOT_FOUND");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    private void awaitNotified(String issueId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode issue = null;
        while (System.nanoTime() < deadline) {
            issue = api.as("committee").get("/api/issues/" + issueId).json();
            if (issue.path("loopStages").path("NOTIFICATION").asBoolean(false)) return;
            Thread.sleep(100);
        }
        throw new AssertionError("issue " + issueId + " did not reach NOTIFICATION within 10 s: " + issue);
    }

    private HttpResponse<byte[]> pdf(String user, String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/bulletins/" + id))
                .header("Accept", "application/pdf")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void refused(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }
}
