package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/issues/export (API.md "More resources"): the 台账 with the list's filters, every
 * matching row, as a real workbook (typed cells) or a CSV that reads back exactly; spreadsheet
 * formulas in titles are neutralised; department users get their own department's issues only.
 * The database is shared with other suites, so each test finds its issues by a token in their titles.
 */
class IssueLedgerExportTest extends ScenarioTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> HEADERS = List.of("编号", "标题", "状态", "来源", "类别", "严重程度", "主责部门",
            "主责部门代码", "期限", "是否超期", "督办等级", "挂起", "版本", "登记时间");
    private static final int ID = 0, TITLE = 1, STATUS = 2, SOURCE = 3, CATEGORY = 4, OWNER = 6, OWNER_CODE = 7,
            DUE = 8, OVERDUE = 9, ESCALATION = 10, ON_HOLD = 11, VERSION = 12, RAISED = 13;

    @Autowired
    private Clock clock;

    // raised once for the class: the tests only read them
    private static String token;
    private static String plainTitle;
    private static String formulaTitle;
    private static String trickyTitle;
    private static String plain;
    private static String formula;
    private static String tricky;

    /** Three issues: one assigned to PHARMACY, one to INPATIENT_SERVICE, one left registered. */
    @BeforeEach
    void raiseIssues() {
        if (token != null) return;
        String t = "导出" + UUID.randomUUID().toString().substring(0, 8);
        plainTitle = "药房取药排队时间过长 " + t;
        formulaTitle = "=HYPERLINK(\"http://example.invalid\",\"点我\") " + t;
        trickyTitle = "住院押金退费慢，\"加急\"\n请尽快处理, 谢谢 " + t;
        plain = raise(plainTitle);
        formula = raise(formulaTitle);
        tricky = raise(trickyTitle);
        accepted(api.as("inspector").post("/api/issues/" + plain + "/assignment", Map.of("department", "PHARMACY")));
        accepted(api.as("inspector").post("/api/issues/" + formula + "/assignment", Map.of("department", "INPATIENT_SERVICE")));
        for (String id : List.of(plain, formula, tricky)) issue(id); // the ledger has caught up
        token = t;
    }

    @Test
    void the_workbook_has_chinese_headers_typed_cells_and_every_matching_row() throws IOException {
        Download d = download("inspector", "/api/issues/export?format=xlsx&q=" + enc(token));
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        LocalDate today = LocalDate.now(clock);
        assertThat(d.header("Content-Disposition"))
                .startsWith("attachment;")
                .contains("filename=\"ledger-" + today + ".xlsx\"")
                .contains("filename*=UTF-8''%E5%8F%B0%E8%B4%A6-" + today + ".xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("台账");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(HEADERS);
            assertThat(sheet.getLastRowNum()).as("three rows under the header").isEqualTo(3);

            Map<String, Row> rows = new HashMap<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) rows.put(sheet.getRow(i).getCell(ID).getStringCellValue(), sheet.getRow(i));
            assertThat(rows).containsOnlyKeys(plain, formula, tricky);

            Row row = rows.get(plain);
            JsonNode detail = issue(plain);
            assertThat(row.getCell(TITLE).getStringCellValue()).isEqualTo(plainTitle);
            assertThat(row.getCell(STATUS).getStringCellValue()).isEqualTo("已交办");
            assertThat(row.getCell(SOURCE).getStringCellValue()).isEqualTo("12345接诉即办");
            assertThat(row.getCell(CATEGORY).getStringCellValue()).isEqualTo("医疗服务");
            assertThat(row.getCell(OWNER).getStringCellValue()).isEqualTo("药学部");
            assertThat(row.getCell(OWNER_CODE).getStringCellValue()).isEqualTo("PHARMACY");
            assertThat(row.getCell(ESCALATION).getStringCellValue()).isEqualTo("无");

            Cell due = row.getCell(DUE);
            assertThat(detail.at("/deadlines/dueDate").isTextual()).as("precondition: a due date in " + detail).isTrue();
            assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse(detail.at("/deadlines/dueDate").asText()));

            Cell raised = row.getCell(RAISED);
            assertThat(raised.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(raised)).isTrue();
            LocalDateTime raisedLocal = LocalDateTime.ofInstant(raisedAt(plain), clock.getZone());
            assertThat(Duration.between(raised.getLocalDateTimeCellValue(), raisedLocal).abs())
                    .as("the record time in the clock's zone").isLessThan(Duration.ofSeconds(1));

            Cell version = row.getCell(VERSION);
            assertThat(version.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) version.getNumericCellValue()).isEqualTo(detail.get("version").asLong());
            assertThat(row.getCell(OVERDUE).getStringCellValue()).isEqualTo("否");
            assertThat(row.getCell(ON_HOLD).getStringCellValue()).isEqualTo("否");

            Row injected = rows.get(formula);
            assertThat(injected.getCell(TITLE).getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getCell(TITLE).getStringCellValue()).isEqualTo("'" + formulaTitle);
            assertThat(injected.getCell(OWNER).getStringCellValue()).isEqualTo("住院服务中心");

            Row unassigned = rows.get(tricky);
            assertThat(unassigned.getCell(TITLE).getStringCellValue()).isEqualTo(trickyTitle);
            assertThat(unassigned.getCell(STATUS).getStringCellValue()).isEqualTo("已登记");
            assertThat(unassigned.getCell(OWNER)).as("no owner yet: a blank cell").isNull();
        }
    }

    @Test
    void the_csv_has_a_bom_reads_back_exactly_and_neutralises_formulas() {
        Download d = download("committee", "/api/issues/export?format=csv&q=" + enc(token));
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(d.header("Content-Disposition")).contains("filename*=UTF-8''%E5%8F%B0%E8%B4%A6-" + LocalDate.now(clock) + ".csv");
        assertThat(Arrays.copyOf(d.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);

        List<List<String>> records = parseCsv(new String(d.body(), 3, d.body().length - 3, StandardCharsets.UTF_8));
        assertThat(records.getFirst()).isEqualTo(HEADERS);
        assertThat(records).hasSize(4);
        Map<String, List<String>> rows = new HashMap<>();
        records.subList(1, records.size()).forEach(r -> {
            assertThat(r).hasSize(HEADERS.size());
            rows.put(r.get(ID), r);
        });
        assertThat(rows).containsOnlyKeys(plain, formula, tricky);
        assertThat(rows.get(tricky).get(TITLE)).as("quotes, comma and newline survive").isEqualTo(trickyTitle);
        assertThat(rows.get(formula).get(TITLE)).isEqualTo("'" + formulaTitle);

        List<String> row = rows.get(plain);
        JsonNode detail = issue(plain);
        assertThat(row.get(TITLE)).isEqualTo(plainTitle);
        assertThat(row.get(STATUS)).isEqualTo("已交办");
        assertThat(row.get(OWNER)).isEqualTo("药学部");
        assertThat(row.get(DUE)).isEqualTo(detail.at("/deadlines/dueDate").asText());
        assertThat(row.get(OVERDUE)).isEqualTo("否");
        assertThat(row.get(VERSION)).isEqualTo(detail.get("version").asText());
        LocalDateTime raised = LocalDateTime.parse(row.get(RAISED), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(Duration.between(raised, LocalDateTime.ofInstant(raisedAt(plain), clock.getZone())).abs())
                .isLessThan(Duration.ofSeconds(1));
        assertThat(rows.get(tricky).get(OWNER)).isEmpty();
    }

    @Test
    void the_list_filters_apply_to_the_export() {
        List<List<String>> registered = csv("inspector", "/api/issues/export?format=csv&status=REGISTERED&q=" + enc(token));
        assertThat(ids(registered)).containsExactly(tricky);
        List<List<String>> pharmacy = csv("inspector", "/api/issues/export?format=csv&department=PHARMACY&q=" + enc(token));
        assertThat(ids(pharmacy)).containsExactly(plain);
        List<List<String>> notOverdue = csv("inspector", "/api/issues/export?format=csv&overdue=false&q=" + enc(token));
        assertThat(ids(notOverdue)).containsExactlyInAnyOrder(plain, formula, tricky);
        assertThat(ids(csv("inspector", "/api/issues/export?format=csv&overdue=true&q=" + enc(token)))).isEmpty();
    }

    @Test
    void a_department_user_exports_only_their_own_departments_issues() throws IOException {
        assertThat(ids(csv("pharmacy", "/api/issues/export?format=csv&q=" + enc(token)))).containsExactly(plain);
        assertThat(ids(csv("inpatient", "/api/issues/export?format=csv&q=" + enc(token)))).containsExactly(formula);

        // unfiltered: other suites' issues too, but each of them PHARMACY's
        Download d = download("pharmacy", "/api/issues/export");
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) ids.add(sheet.getRow(i).getCell(ID).getStringCellValue());
            assertThat(ids).contains(plain).doesNotContain(formula, tricky);
            for (String id : ids) {
                Boolean visible = jdbc.queryForObject("select 'PHARMACY' = any(departments) from issue_ledger where issue_id = ?",
                        Boolean.class, id);
                assertThat(visible).as(id).isTrue();
            }
        }
    }

    static List<String> badQueries() {
        return List.of("format=pdf", "format=xls", "format=xlsx2", "format=xlsx&status=OPEN", "format=csv&department=pharmacy",
                "format=csv&overdue=maybe", "format=csv&q=" + enc("长".repeat(201)));
    }

    @ParameterizedTest(name = "{0} is 400")
    @MethodSource("badQueries")
    void bad_parameters_are_400(String query) {
        Download d = download("inspector", "/api/issues/export?" + query);
        assertThat(d.status()).as(d.text()).isEqualTo(400);
        assertThat(d.header("Content-Type")).startsWith("application/problem+json");
        assertThat(d.text()).contains("\"code\":\"VALIDATION_FAILED\"");
    }

    @Test
    void an_unknown_format_names_the_format_parameter() {
        Download d = download("inspector", "/api/issues/export?format=pdf");
        assertThat(d.status()).isEqualTo(400);
        assertThat(d.text()).contains("\"field\":\"format\"");
    }

    @Test
    void anonymous_callers_may_not_export() {
        assertThat(download(null, "/api/issues/export?format=csv").status()).isEqualTo(401);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private JsonNode issue(String id) {
        Api.Response r = api.as("inspector").get("/api/issues/" + id + "?minVersion=" + (eventCount(id) - 1));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Instant raisedAt(String id) {
        return jdbc.queryForObject("select raised_at from issue_ledger where issue_id = ?", java.sql.Timestamp.class, id).toInstant();
    }

    private List<List<String>> csv(String user, String path) {
        Download d = download(user, path);
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        List<List<String>> records = parseCsv(new String(d.body(), StandardCharsets.UTF_8).substring(1));
        assertThat(records.getFirst()).isEqualTo(HEADERS);
        return records.subList(1, records.size());
    }

    private static List<String> ids(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(ID)).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** RFC 4180, strictly: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') { field.append('"'); i++; } else break;
                    } else {
                        field.append(q);
                    }
                }
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i += 2;
            } else {
                assertThat(ch).as("a bare line break or quote outside quotes at " + i).isNotIn('\n', '\r', '"');
                field.append(ch);
                i++;
            }
        }
        assertThat(field.isEmpty() && record.isEmpty()).as("the last record ends with CRLF").isTrue();
        return records;
    }

    private Download download(String user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Download(int status, byte[] body, HttpResponse<byte[]> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
