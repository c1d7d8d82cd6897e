package org.duban.standalone.web;

import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's closed loop through the pages, in real headless Chromium: the inspector raises and
 * assigns an issue, the pharmacy acknowledges, reports progress and submits its rectification,
 * a second inspector verifies it (销号), and the home dashboard's numbers move. Refusals show
 * the server's message and code; English with ?lang=en; signed out, pages lead to the login
 * form. A screenshot of each main page goes to target/screenshots/.
 */
class BrowserJourneyTest extends ScenarioTest {
    private static final Pattern ISSUE_URL = Pattern.compile("/issues/([0-9a-f-]{36})\\?minVersion=\\d+");

    @Test
    void an_issue_is_raised_and_walked_to_closing_through_the_pages_and_the_dashboard_moves() {
        String base = "http://localhost:" + port;
        String title = "药房取药排队过长（浏览器）" + System.nanoTime();
        try (Browser inspector = new Browser(base)) {
            inspector.open("/");
            inspector.waitUntil(d -> d.getCurrentUrl().endsWith("/login"));
            assertThat(inspector.text(By.tagName("h1"))).isEqualTo("登录");
            // The pages bring their own CJK font, so Chinese renders where none is installed.
            Object fontLoaded = ((JavascriptExecutor) inspector.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.fonts.load('16px "Duban CJK"', '督办').then(f => done(f.length > 0), e => done(String(e)));""");
            assertThat(fontLoaded).as(() -> "font: " + inspector.driver.manage().logs().get("browser").getAll()).isEqualTo(true);
            inspector.screenshot("login");

            inspector.signIn("inspector");
            Map<String, Long> before = dashboardCounts(inspector);
            inspector.screenshot("home");

            inspector.open("/issues/new");
            inspector.type(By.id("raise-title"), title);
            inspector.type(By.id("raise-description"), "患者反映药房窗口取药排队超过一小时。");
            new Select(inspector.find(By.id("raise-source"))).selectByValue("HOTLINE");
            new Select(inspector.find(By.id("raise-category"))).selectByValue("MEDICAL_SERVICE");
            inspector.screenshot("issue-new");
            inspector.find(By.id("raise-submit")).click();
            String id = inspector.waitUntil(d -> {
                Matcher m = ISSUE_URL.matcher(d.getCurrentUrl());
                return m.find() ? m.group(1) : null;
            });
            awaitStatus(inspector, "REGISTERED");
            assertThat(inspector.text(By.id("issue-title"))).isEqualTo(title);

            submit(inspector, "assignment", Map.of("department", "PHARMACY"));
            awaitStatus(inspector, "ASSIGNED");
            assertThat(inspector.text(By.id("issue-owner"))).isEqualTo("药学部");

            // Refused by the command side: the pharmacy already owns it. The page shows the server's words and code.
            submit(inspector, "assignment", Map.of("department", "PHARMACY"));
            WebElement message = inspector.find(By.id("action-message"));
            assertThat(message.getText()).contains("ALREADY_OWNER").contains("PHARMACY already owns this issue.");
            assertThat(inspector.find(By.id("issue-status")).getAttribute("data-status")).isEqualTo("ASSIGNED");
            assertThat(inspector.source()).doesNotContain("Exception");
            inspector.screenshot("issue-refused");
            // 协办: the outpatient department helps; the page reloads with it listed.
            submit(inspector, "co-department", Map.of("department", "OUTPATIENT"));
            inspector.waitUntil(d -> {
                try {
                    return d.findElement(By.id("issue-co-departments")).getText().contains("OUTPATIENT");
                } catch (WebDriverException reloading) {
                    return false;
                }
            });

            try (Browser pharmacy = new Browser(base)) {
                pharmacy.signIn("pharmacy");
                pharmacy.open("/issues");
                pharmacy.find(By.linkText(title));
                pharmacy.screenshot("issues");

                pharmacy.open("/issues/" + id);
                assertThat(actions(pharmacy)).containsExactly("acknowledgement", "return");
                submit(pharmacy, "acknowledgement", Map.of("note", "已签收，马上整改"));
                awaitStatus(pharmacy, "IN_PROGRESS");
                assertThat(actions(pharmacy)).contains("plan", "progress", "rectification").doesNotContain("verification");
                submit(pharmacy, "plan", Map.of("rootCause", "高峰时段窗口不足", "measures", "增开窗口；预调配",
                        "milestones", "2026-12-01 增开两个窗口\n2026-12-15 预调配上线"));
                pharmacy.waitUntil(d -> !d.findElements(By.cssSelector("#timeline li[data-type='RectificationPlanFiled']")).isEmpty());

                submit(pharmacy, "progress", Map.of("percent", "50", "summary", "增开两个取药窗口"));
                pharmacy.waitUntil(d -> !d.findElements(By.cssSelector("#timeline li[data-type='ProgressReported']")).isEmpty());
                submit(pharmacy, "rectification", Map.of("summary", "高峰时段增开窗口，排队降至15分钟内", "evidence", "窗口排班表.pdf"));
                awaitStatus(pharmacy, "PENDING_VERIFICATION");
                assertThat(actions(pharmacy)).isEmpty();
                pharmacy.find(By.id("no-actions"));

                pharmacy.open("/notifications");
                pharmacy.waitUntil(d -> {
                    if (!d.findElement(By.id("notification-list")).getText().contains(title)) {
                        d.navigate().refresh();
                        return false;
                    }
                    return true;
                });
                pharmacy.screenshot("notifications");
                WebElement notice = pharmacy.driver.findElements(By.cssSelector("#notification-list li")).stream()
                        .filter(li -> li.getText().contains(title)).findFirst().orElseThrow();
                assertThat(notice.getAttribute("class")).contains("unread");
                notice.findElement(By.cssSelector("button.mark-read")).click();
                pharmacy.waitUntil(d -> d.findElements(By.cssSelector("#notification-list li.read")).stream()
                        .anyMatch(li -> li.getText().contains(title)));

                // Another department's user: a friendly page with the code, no stack trace.
                pharmacy.find(By.id("logout")).click();
                pharmacy.waitUntil(d -> d.getCurrentUrl().endsWith("/login?logout"));
                pharmacy.signIn("inpatient");
                pharmacy.open("/issues/" + id);
                assertThat(pharmacy.text(By.id("error-code"))).isEqualTo("NOT_OWNER_DEPARTMENT");
                assertThat(pharmacy.text(By.id("error-message"))).isEqualTo("这个事项属于其他部门，您无权查看。");
                assertThat(pharmacy.source()).doesNotContain("Exception").doesNotContain("at org.");
                pharmacy.screenshot("error-other-department");
            }

            try (Browser inspector2 = new Browser(base)) {
                inspector2.signIn("inspector2");
                inspector2.open("/issues/" + id);
                assertThat(actions(inspector2)).contains("verification");
                submit(inspector2, "verification", Map.of("passed", "true", "note", "现场核验：排队时间明显缩短"));
                awaitStatus(inspector2, "CLOSED");
                assertThat(inspector2.text(By.id("issue-status"))).isEqualTo("已销号");
                assertThat(inspector2.find(By.cssSelector("#loop-stages li[data-stage='RECTIFICATION']"))
                        .getAttribute("data-complete")).isEqualTo("true");
                assertThat(inspector2.driver.findElements(By.cssSelector("#timeline li")).stream()
                        .map(li -> li.getAttribute("data-type")).toList())
                        .containsSubsequence("IssueRaised", "OwnerAssigned", "IssueAcknowledged", "ProgressReported",
                                "RectificationSubmitted", "IssueClosed");
                inspector2.screenshot("issue");
            }

            // Back on the dashboard: one more raised, one more closed (the metrics view catches up within seconds).
            inspector.waitUntil(d -> {
                Map<String, Long> now = dashboardCounts(inspector);
                return now.get("raised") == before.get("raised") + 1 && now.get("closed") == before.get("closed") + 1;
            });
            inspector.screenshot("home-after");

            inspector.open("/rankings");
            assertThat(loaded(inspector)).as("the ranking loaded its data").isEqualTo("true");
            inspector.screenshot("rankings");
            assertThat(inspector.find(By.id("export-xlsx")).getAttribute("href")).contains("/api/rankings/export?period=");
            assertThat(inspector.follow("export-xlsx"))
                    .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            // An open issue for the wall chart: a column per owner department, cards coloured by escalation.
            String open = raise("住院部陪护床位不足");
            accepted(api.as("inspector").post("/api/issues/" + open + "/assignment", Map.of("department", "INPATIENT_SERVICE")));
            inspector.waitUntil(d -> {
                inspector.open("/wall");
                return !d.findElements(By.cssSelector(".wall-column[data-department='INPATIENT_SERVICE'] .wall-card")).isEmpty();
            });
            inspector.screenshot("wall");
            for (String page : new String[]{"bulletins", "governance", "inspection-rounds"}) {
                inspector.open("/" + page);
                assertThat(inspector.source()).doesNotContain("Exception");
                inspector.screenshot(page);
            }

            // The list's filters update the table in place (htmx) and keep the address in step.
            inspector.open("/issues");
            new Select(inspector.find(By.cssSelector("#issue-filter select[name='status']"))).selectByValue("CLOSED");
            inspector.waitUntil(d -> d.getCurrentUrl().contains("status=CLOSED"));
            inspector.waitUntil(d -> d.findElements(By.cssSelector("#issue-table tr[data-issue-id]")).stream()
                    .allMatch(tr -> tr.getText().contains("已销号")) && !d.findElements(By.linkText(title)).isEmpty());
            // The export links carry the list's filters: the workbook and the CSV of the closed issues.
            inspector.waitUntil(d -> inspector.find(By.id("export-csv")).getAttribute("href").contains("status=CLOSED"));
            assertThat(inspector.follow("export-xlsx"))
                    .startsWith("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            String csv = inspector.follow("export-csv");
            assertThat(csv).startsWith("200 text/csv").contains(title).contains("已销号").doesNotContain("办理中");

            inspector.open("/issues?lang=en");
            assertThat(inspector.text(By.tagName("h1"))).isEqualTo("Issues");
            assertThat(inspector.text(By.id("nav-home"))).isEqualTo("Home");
            inspector.open("/issues/" + id);
            assertThat(inspector.text(By.id("issue-status"))).isEqualTo("Closed");
            inspector.screenshot("issue-en");
            inspector.open("/?lang=zh-CN");
            assertThat(inspector.text(By.id("nav-home"))).isEqualTo("首页");
        }
    }

    private static Map<String, Long> dashboardCounts(Browser browser) {
        browser.open("/");
        assertThat(loaded(browser)).as("the dashboard loaded its numbers").isEqualTo("true");
        return Map.of("raised", count(browser, "raised"), "closed", count(browser, "closed"), "open", count(browser, "open"));
    }

    private static String loaded(Browser browser) {
        return browser.waitUntil(d -> d.findElement(By.tagName("body")).getAttribute("data-dashboard-loaded"));
    }

    private static long count(Browser browser, String name) {
        return Long.parseLong(browser.text(By.id("count-" + name)));
    }

    private static java.util.List<String> actions(Browser browser) {
        browser.find(By.id("actions"));
        return browser.driver.findElements(By.cssSelector("form.command[data-action]")).stream()
                .map(f -> f.getAttribute("data-action")).toList();
    }

    /** Fills an action form's fields (selects by value) and submits it. */
    private static void submit(Browser browser, String action, Map<String, String> fields) {
        WebElement form = browser.find(By.cssSelector("form.command[data-action='" + action + "']"));
        fields.forEach((name, value) -> {
            WebElement field = form.findElement(By.name(name));
            if ("select".equals(field.getTagName())) {
                new Select(field).selectByValue(value);
            } else {
                field.clear();
                field.sendKeys(value);
            }
        });
        form.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** Waits for the reloaded issue page to show {@code status} (elements of the old page may go stale meanwhile). */
    private static void awaitStatus(Browser browser, String status) {
        browser.waitUntil(d -> {
            try {
                var found = d.findElements(By.id("issue-status"));
                return !found.isEmpty() && status.equals(found.getFirst().getAttribute("data-status"));
            } catch (WebDriverException staleOrGone) {
                return false;
            }
        });
    }
}
