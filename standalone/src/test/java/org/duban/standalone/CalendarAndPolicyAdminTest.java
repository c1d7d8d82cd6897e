package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * ADMIN maintains the working-day calendar and the deadline policy over HTTP; everyone signed in
 * reads them. Other suites share the database and may change both too, so versions are read
 * before and compared after, never assumed, and what a test changes it changes back.
 */
class CalendarAndPolicyAdminTest extends ScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String INVALID = "VALIDATION_FAILED";
    private static final String MALFORMED = "MALFORMED_REQUEST";
    /** Thursday 2026-11-19 and the days around it: no override in the shipped calendar. */
    private static final String THURSDAY = "2026-11-19";
    private static final String WEDNESDAY = "2026-11-18";
    private static final String SATURDAY = "2026-11-21";
    /** Hotline within 5 working days instead of the default 7; everything else as shipped. */
    private static final String STRICTER_POLICY = """
            {"rules": [
              {"source": null, "severity": null, "acknowledgeWorkingDays": 2, "resolveWorkingDays": 15, "acknowledgeHours": null, "resolveHours": null},
              {"source": "HOTLINE", "severity": null, "acknowledgeWorkingDays": 1, "resolveWorkingDays": 5, "acknowledgeHours": null, "resolveHours": null},
              {"source": null, "severity": "CRITICAL", "acknowledgeWorkingDays": 0, "resolveWorkingDays": 1, "acknowledgeHours": 2, "resolveHours": 24}],
             "escalation": {"dueSoonWorkingDays": 1, "yellowAfterWorkingDays": 3, "redAfterWorkingDays": 5}}""";

    // ---- the calendar ----------------------------------------------------------------------

    @Test
    void admin_declares_a_holiday_everyone_sees_it_in_the_year_and_admin_resets_it() {
        JsonNode before = calendar(2026, null);
        long versionBefore = before.get("version").asLong();
        assertThat(day(before, THURSDAY)).as("precondition: an ordinary Thursday").isNull();
        assertThat(before.get("workingDays").asInt()).isEqualTo(workingDaysOf(2026, before.get("days")));
        long eventsBefore = ruleEvents();

        Api.Response declared = put("admin", "/api/calendar/days/" + THURSDAY, "{\"kind\": \"HOLIDAY\", \"name\": \"院庆\"}");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        assertThat(declared.json().get("id").asText()).isEqualTo(THURSDAY);
        long declaredVersion = declared.json().get("version").asLong();
        assertThat(declaredVersion).isGreaterThan(versionBefore);
        assertThat(ruleEvents()).isEqualTo(eventsBefore + 1);
        try {
            JsonNode after = calendar(2026, declaredVersion);
            assertThat(after.get("year").asInt()).isEqualTo(2026);
            assertThat(after.get("version").asLong()).isGreaterThanOrEqualTo(declaredVersion);
            JsonNode holiday = day(after, THURSDAY);
            assertThat(holiday).as("the new holiday in " + after).isNotNull();
            assertThat(holiday.get("kind").asText()).isEqualTo("HOLIDAY");
            assertThat(holiday.get("name").asText()).isEqualTo("院庆");
            assertThat(after.get("workingDays").asInt()).isEqualTo(workingDaysOf(2026, after.get("days")));
            if (after.get("version").asLong() == versionBefore + 1) {
                assertThat(after.get("workingDays").asInt()).isEqualTo(before.get("workingDays").asInt() - 1);
            }
            assertThat(day(after, "2026-10-01").get("kind").asText()).as("shipped data stays").isEqualTo("HOLIDAY");
        } finally {
            Api.Response reset = put("admin", "/api/calendar/days/" + THURSDAY, "{\"kind\": \"REGULAR\"}");
            assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
            long resetVersion = reset.json().get("version").asLong();
            assertThat(resetVersion).isGreaterThan(declaredVersion);
            JsonNode restored = calendar(2026, resetVersion);
            assertThat(day(restored, THURSDAY)).as("the override is gone").isNull();
            assertThat(restored.get("workingDays").asInt()).isEqualTo(workingDaysOf(2026, restored.get("days")));
        }
    }

    @Test
    void a_weekend_day_worked_in_exchange_counts_as_a_working_day_until_it_is_reset() {
        JsonNode before = calendar(2026, null);
        Api.Response worked = put("admin", "/api/calendar/days/" + SATURDAY, "{\"kind\": \"WORKDAY\", \"name\": \"  院庆调休  \"}");
        assertThat(worked.status()).as(worked.toString()).isEqualTo(200);
        long version = worked.json().get("version").asLong();
        try {
            JsonNode after = calendar(2026, version);
            assertThat(day(after, SATURDAY).get("kind").asText()).isEqualTo("WORKDAY");
            assertThat(day(after, SATURDAY).get("name").asText()).as("the name is trimmed").isEqualTo("院庆调休");
            if (after.get("version").asLong() == before.get("version").asLong() + 1) {
                assertThat(after.get("workingDays").asInt()).isEqualTo(before.get("workingDays").asInt() + 1);
            }
        } finally {
            assertThat(put("admin", "/api/calendar/days/" + SATURDAY, "{\"kind\": \"REGULAR\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void a_year_without_changes_is_the_shipped_calendar() {
        JsonNode year = calendar(2025, null);
        assertThat(day(year, "2025-10-01").get("name").asText()).isEqualTo("国庆节");
        assertThat(day(year, "2025-09-28").get("kind").asText()).isEqualTo("WORKDAY");
        assertThat(year.get("workingDays").asInt()).isEqualTo(workingDaysOf(2025, year.get("days")));
        assertThat(calendar(1950, null).get("days")).as("no shipped data that early").isEmpty();
    }

    @Test
    void declaring_what_is_already_in_force_is_refused_and_appends_nothing() {
        JsonNode nationalDay = day(calendar(2026, null), "2026-10-01");
        Map<String, Object> same = new HashMap<>();
        same.put("kind", nationalDay.get("kind").asText());
        same.put("name", nationalDay.get("name").isNull() ? null : nationalDay.get("name").asText());
        long eventsBefore = ruleEvents();
        refused(put("admin", "/api/calendar/days/2026-10-01", Api.json(same)), INVALID);
        assertThat(ruleEvents()).isEqualTo(eventsBefore);
    }

    static Stream<Arguments> badDayChanges() {
        String holiday = "{\"kind\": \"HOLIDAY\", \"name\": \"院庆\"}";
        return Stream.of(
                arguments("2026-13-01", holiday, INVALID),
                arguments("2026-02-30", holiday, INVALID),
                arguments("not-a-date", holiday, INVALID),
                arguments("20261119", holiday, INVALID),
                arguments("1899-12-31", holiday, INVALID),
                arguments("2200-01-01", holiday, INVALID),
                arguments("+12026-11-19", holiday, INVALID),
                arguments(THURSDAY, "{}", INVALID),
                arguments(THURSDAY, "{\"kind\": null, \"name\": \"院庆\"}", INVALID),
                arguments(THURSDAY, "{\"kind\": \"HOLIDAYS\"}", MALFORMED),
                arguments(THURSDAY, "{\"kind\": 3}", MALFORMED),
                arguments(THURSDAY, "{\"kind\": \"HOLIDAY\", \"name\": \"" + "长".repeat(101) + "\"}", INVALID),
                arguments(THURSDAY, "{\"kind\": \"HOLIDAY\", \"name\": \"a\\u0000b\"}", INVALID),
                arguments(THURSDAY, "not json", MALFORMED),
                arguments(THURSDAY, "{\"kind\": \"WORKDAY\", \"name\": \"上班\"}", INVALID),
                arguments(SATURDAY, "{\"kind\": \"HOLIDAY\", \"name\": \"周六\"}", INVALID),
                arguments(WEDNESDAY, "{\"kind\": \"REGULAR\"}", INVALID));
    }

    @ParameterizedTest(name = "PUT /api/calendar/days/{0} {1} is {2}")
    @MethodSource("badDayChanges")
    void a_bad_day_change_is_400_and_appends_nothing(String date, String body, String code) {
        long eventsBefore = ruleEvents();
        Api.Response r = put("admin", "/api/calendar/days/" + date, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(ruleEvents()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "GET /api/calendar/{0} is 400")
    @ValueSource(strings = {"1899", "2200", "twenty", "days"})
    void a_year_outside_the_calendar_is_400(String year) {
        Api.Response r = api.as("inspector").get("/api/calendar/" + year);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(INVALID);
    }

    // ---- the deadline policy ---------------------------------------------------------------

    @Test
    void admin_replaces_the_policy_and_everyone_sees_the_new_version_with_its_history() throws IOException {
        Instant start = Instant.now().minusSeconds(1);
        JsonNode before = policy(null);
        long versionBefore = before.get("version").asLong();
        long eventsBefore = ruleEvents();
        JsonNode stricter = JSON.readTree(STRICTER_POLICY);
        assertThat(before.get("spec")).as("precondition: another policy is in force").isNotEqualTo(stricter);

        Api.Response changed = put("admin", "/api/deadline-policies", STRICTER_POLICY);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("id").asText()).isEqualTo("deadline-policy");
        long version = changed.json().get("version").asLong();
        assertThat(version).isGreaterThan(versionBefore);
        assertThat(ruleEvents()).isEqualTo(eventsBefore + 1);
        try {
            JsonNode after = policy(version);
            assertThat(after.get("version").asLong()).isEqualTo(version);
            assertThat(after.get("spec")).isEqualTo(stricter);
            JsonNode history = after.get("history");
            assertThat(history).hasSize((int) version);
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("version").asLong()).isEqualTo(version);
            assertThat(last.get("changedBy").asText()).isEqualTo("admin");
            assertThat(Instant.parse(last.get("changedAt").asText())).isBetween(start, Instant.now().plusSeconds(1));
            List<Long> versions = new ArrayList<>();
            history.forEach(h -> versions.add(h.get("version").asLong()));
            assertThat(versions).isSorted().doesNotHaveDuplicates().startsWith(1L);

            long eventsBeforeRepeat = ruleEvents();
            refused(put("admin", "/api/deadline-policies", STRICTER_POLICY), INVALID);
            assertThat(ruleEvents()).isEqualTo(eventsBeforeRepeat);
        } finally {
            Api.Response restored = put("admin", "/api/deadline-policies", before.get("spec").toString());
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
            assertThat(policy(restored.json().get("version").asLong()).get("spec")).isEqualTo(before.get("spec"));
        }
    }

    @Test
    void the_policy_in_force_names_a_fallback_rule_and_the_escalation_steps() {
        JsonNode policy = policy(null);
        assertThat(policy.get("version").asLong()).isNotNegative();
        assertThat(policy.at("/spec/escalation/redAfterWorkingDays").asInt())
                .isGreaterThan(policy.at("/spec/escalation/yellowAfterWorkingDays").asInt());
        boolean fallback = false;
        for (JsonNode rule : policy.at("/spec/rules")) fallback |= rule.get("source").isNull() && rule.get("severity").isNull();
        assertThat(fallback).as("a fallback rule in " + policy).isTrue();
        assertThat(policy.get("history").size()).isEqualTo((int) policy.get("version").asLong());
    }

    static Stream<Arguments> badPolicies() {
        String fallback = "{\"acknowledgeWorkingDays\": 2, \"resolveWorkingDays\": 15}";
        String steps = "{\"dueSoonWorkingDays\": 1, \"yellowAfterWorkingDays\": 3, \"redAfterWorkingDays\": 5}";
        return Stream.of(
                arguments("no body fields", "{}", INVALID),
                arguments("no rules", "{\"rules\": [], \"escalation\": " + steps + "}", INVALID),
                arguments("a null rule", "{\"rules\": [" + fallback + ", null], \"escalation\": " + steps + "}", INVALID),
                arguments("no escalation", "{\"rules\": [" + fallback + "]}", INVALID),
                arguments("no fallback", "{\"rules\": [{\"source\": \"HOTLINE\", \"acknowledgeWorkingDays\": 1, \"resolveWorkingDays\": 7}], \"escalation\": " + steps + "}", INVALID),
                arguments("a rule without days", "{\"rules\": [{\"acknowledgeWorkingDays\": 1}], \"escalation\": " + steps + "}", INVALID),
                arguments("negative days", "{\"rules\": [{\"acknowledgeWorkingDays\": -1, \"resolveWorkingDays\": 7}], \"escalation\": " + steps + "}", INVALID),
                arguments("too many days", "{\"rules\": [{\"acknowledgeWorkingDays\": 1, \"resolveWorkingDays\": 100000}], \"escalation\": " + steps + "}", INVALID),
                arguments("zero hours", "{\"rules\": [" + fallback + ", {\"severity\": \"CRITICAL\", \"acknowledgeWorkingDays\": 0, \"resolveWorkingDays\": 1, \"acknowledgeHours\": 0}], \"escalation\": " + steps + "}", INVALID),
                arguments("acknowledge after resolve", "{\"rules\": [{\"acknowledgeWorkingDays\": 9, \"resolveWorkingDays\": 7}], \"escalation\": " + steps + "}", INVALID),
                arguments("a repeated rule", "{\"rules\": [" + fallback + ", " + fallback + "], \"escalation\": " + steps + "}", INVALID),
                arguments("yellow with red", "{\"rules\": [" + fallback + "], \"escalation\": {\"dueSoonWorkingDays\": 1, \"yellowAfterWorkingDays\": 5, \"redAfterWorkingDays\": 5}}", INVALID),
                arguments("red before yellow", "{\"rules\": [" + fallback + "], \"escalation\": {\"dueSoonWorkingDays\": 1, \"yellowAfterWorkingDays\": 5, \"redAfterWorkingDays\": 3}}", INVALID),
                arguments("a negative reminder", "{\"rules\": [" + fallback + "], \"escalation\": {\"dueSoonWorkingDays\": -1, \"yellowAfterWorkingDays\": 3, \"redAfterWorkingDays\": 5}}", INVALID),
                arguments("an unknown source", "{\"rules\": [{\"source\": \"PHONE\", \"acknowledgeWorkingDays\": 1, \"resolveWorkingDays\": 7}], \"escalation\": " + steps + "}", MALFORMED),
                arguments("days as text", "{\"rules\": [{\"acknowledgeWorkingDays\": \"one\", \"resolveWorkingDays\": 7}], \"escalation\": " + steps + "}", MALFORMED),
                arguments("rules as an object", "{\"rules\": " + fallback + ", \"escalation\": " + steps + "}", MALFORMED),
                arguments("not JSON", "{\"rules\": [", MALFORMED));
    }

    @ParameterizedTest(name = "a policy with {0} is {2}")
    @MethodSource("badPolicies")
    void a_bad_policy_is_400_and_appends_nothing(String what, String body, String code) {
        long eventsBefore = ruleEvents();
        Api.Response r = put("admin", "/api/deadline-policies", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(ruleEvents()).isEqualTo(eventsBefore);
    }

    // ---- who may ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} may not change the calendar or the policy")
    @ValueSource(strings = {"inspector", "inspector2", "committee", "pharmacy", "inpatient", "auditor"})
    void only_admin_changes_the_calendar_and_the_policy(String user) {
        long eventsBefore = ruleEvents();
        for (Api.Response r : List.of(
                put(user, "/api/calendar/days/" + THURSDAY, "{\"kind\": \"HOLIDAY\", \"name\": \"院庆\"}"),
                put(user, "/api/deadline-policies", STRICTER_POLICY))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(ruleEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void anonymous_callers_may_neither_change_nor_read_them() {
        long eventsBefore = ruleEvents();
        for (Api.Response r : List.of(
                put(null, "/api/calendar/days/" + THURSDAY, "{\"kind\": \"HOLIDAY\", \"name\": \"院庆\"}"),
                put(null, "/api/deadline-policies", STRICTER_POLICY),
                api.anonymous().get("/api/calendar/2026"),
                api.anonymous().get("/api/deadline-policies"))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(ruleEvents()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} may read the calendar and the policy")
    @ValueSource(strings = {"inspector", "committee", "pharmacy", "auditor", "admin"})
    void every_signed_in_user_reads_the_calendar_and_the_policy(String user) {
        assertThat(api.as(user).get("/api/calendar/2026").status()).isEqualTo(200);
        assertThat(api.as(user).get("/api/deadline-policies").status()).isEqualTo(200);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private JsonNode calendar(int year, Long minVersion) {
        Api.Response r = api.as("pharmacy").get("/api/calendar/" + year + (minVersion == null ? "" : "?minVersion=" + minVersion));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode policy(Long minVersion) {
        Api.Response r = api.as("committee").get("/api/deadline-policies" + (minVersion == null ? "" : "?minVersion=" + minVersion));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode day(JsonNode year, String date) {
        for (JsonNode d : year.get("days")) {
            if (d.get("date").asText().equals(date)) return d;
        }
        return null;
    }

    /** Working days counted afresh from the overrides: weekdays, minus holidays, plus weekend days worked. */
    private static int workingDaysOf(int year, JsonNode overrides) {
        Map<LocalDate, String> kinds = new HashMap<>();
        overrides.forEach(d -> kinds.put(LocalDate.parse(d.get("date").asText()), d.get("kind").asText()));
        int count = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            String kind = kinds.get(d);
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (kind == null ? !weekend : kind.equals("WORKDAY")) count++;
        }
        return count;
    }

    private static void refused(Api.Response r, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }

    private long ruleEvents() {
        Long n = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier in ('china', 'deadline-policy')", Long.class);
        return n == null ? 0 : n;
    }

    /** A PUT as {@code user} (null: anonymous); {@link Api} sends GET and POST only. */
    private Api.Response put(String user, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> raw = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Response(raw.statusCode(), raw.body(), raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
