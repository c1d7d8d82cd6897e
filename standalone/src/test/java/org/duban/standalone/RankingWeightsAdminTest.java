package org.duban.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.api.ranking.RankingWeights;
import org.duban.query.rankingweights.RankingWeightsSource;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.ScenarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * ADMIN and the committee version the ranking weights over HTTP (DOMAIN.md "Assessment"); everyone
 * signed in reads them with their history, and rankings find the version in force at any record
 * time through {@link RankingWeightsSource}. Other suites share the database, so versions are read
 * before and compared after, and what a test changes it changes back.
 */
class RankingWeightsAdminTest extends ScenarioTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PATH = "/api/ranking-weights";
    private static final String INVALID = "VALIDATION_FAILED";
    private static final double EPS = 1e-12;

    @Autowired
    private RankingWeightsSource source;

    @Test
    void weights_changed_twice_are_read_back_with_their_history_and_found_in_force_by_record_time() {
        JsonNode before = weights(null);
        long versionBefore = before.get("version").asLong();
        RankingWeights inForceBefore = source.latest();
        assertThat(inForceBefore.version()).isEqualTo((int) versionBefore);
        long eventsBefore = weightEvents();
        // two sets different from each other and, by their odd shares, from whatever is in force
        double[] first = {0.85, 0.15, 0.45, 0.40};
        double[] second = {0.75, 0.2, 0.55, 0.25};

        Instant start = Instant.now().minusSeconds(1);
        Api.Response changed = put("admin", PATH, body(first, "满意率“基本满意”按八五折计"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("id").asText()).isEqualTo("ranking-weights");
        long v1 = changed.json().get("version").asLong();
        assertThat(v1).isEqualTo(versionBefore + 1);
        assertThat(weightEvents()).isEqualTo(eventsBefore + 1);
        try {
            JsonNode afterFirst = weights(v1);
            assertThat(afterFirst.get("version").asLong()).isEqualTo(v1);
            assertWeights(afterFirst, first);
            JsonNode change1 = last(afterFirst.get("history"));
            assertThat(change1.get("version").asLong()).isEqualTo(v1);
            assertWeights(change1, first);
            assertThat(change1.get("reason").asText()).isEqualTo("满意率“基本满意”按八五折计");
            assertThat(change1.get("changedBy").asText()).isEqualTo("admin");
            Instant at1 = Instant.parse(change1.get("changedAt").asText());
            assertThat(at1).isBetween(start, Instant.now().plusSeconds(1));
            assertThat(Instant.parse(afterFirst.get("since").asText())).isEqualTo(at1);

            Api.Response again = put("committee", PATH, body(second, "解决率权重上调"));
            long v2 = accepted(again);
            assertThat(v2).isEqualTo(v1 + 1);
            assertThat(weightEvents()).isEqualTo(eventsBefore + 2);

            JsonNode afterSecond = weights(v2);
            assertThat(afterSecond.get("version").asLong()).isEqualTo(v2);
            assertWeights(afterSecond, second);
            JsonNode history = afterSecond.get("history");
            assertThat(history).hasSize((int) v2);
            List<Long> versions = new ArrayList<>();
            history.forEach(h -> versions.add(h.get("version").asLong()));
            assertThat(versions).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(v1, v2);
            JsonNode change2 = last(history);
            assertThat(change2.get("changedBy").asText()).isEqualTo("committee");
            assertThat(change2.get("reason").asText()).isEqualTo("解决率权重上调");
            assertWeights(history.get(history.size() - 2), first);
            Instant at2 = Instant.parse(change2.get("changedAt").asText());
            assertThat(at2).isAfterOrEqualTo(at1);

            // the weights in force at instants around both changes, by record time
            RankingWeights beforeFirst = source.inForceAt(at1.minusNanos(1_000));
            assertThat(beforeFirst.version()).isEqualTo((int) versionBefore);
            assertThat(beforeFirst).isEqualTo(inForceBefore);
            if (versionBefore == 0) assertThat(beforeFirst).isEqualTo(RankingWeights.DEFAULT);
            assertThat(source.inForceAt(Instant.EPOCH)).isEqualTo(RankingWeights.DEFAULT);
            RankingWeights atFirst = source.inForceAt(at1);
            assertThat(atFirst).isEqualTo(new RankingWeights((int) v1, first[0], first[1], first[2], first[3], at1));
            if (at2.isAfter(at1.plusNanos(1_000))) {
                assertThat(source.inForceAt(at2.minusNanos(1_000)).version()).isEqualTo((int) v1);
            }
            assertThat(source.inForceAt(at2)).isEqualTo(new RankingWeights((int) v2, second[0], second[1], second[2], second[3], at2));
            assertThat(source.inForceAt(Instant.now().plusSeconds(3600)).version()).isEqualTo((int) v2);
            assertThat(source.latest().version()).isEqualTo((int) v2);
            assertThat(source.version((int) v1)).contains(atFirst);
            assertThat(source.version(0)).contains(RankingWeights.DEFAULT);
            assertThat(source.version((int) v2 + 1000)).isEmpty();
            assertThat(atFirst.composite(1.0, 0.5, 0.8)).isCloseTo(0.15 + 0.45 * 0.5 + 0.40 * 0.8, within(EPS));

            // repeating the weights in force is refused and appends nothing
            long eventsBeforeRepeat = weightEvents();
            Api.Response repeat = put("admin", PATH, body(second, "再来一次"));
            assertThat(repeat.status()).as(repeat.toString()).isEqualTo(409);
            assertThat(repeat.code()).isEqualTo("INVALID_TRANSITION");
            assertThat(weightEvents()).isEqualTo(eventsBeforeRepeat);
            assertThat(weights(null).get("version").asLong()).isEqualTo(v2);
        } finally {
            double[] original = {before.get("w").asDouble(), before.get("a").asDouble(), before.get("b").asDouble(),
                    before.get("c").asDouble()};
            long restored = accepted(put("admin", PATH, body(original, "恢复测试前的权重")));
            assertWeights(weights(restored), original);
        }
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments("{}", "w"),
                arguments("{\"a\": 0.1, \"b\": 0.5, \"c\": 0.4, \"reason\": \"r\"}", "w"),
                arguments("{\"w\": 1.5, \"a\": 0.1, \"b\": 0.5, \"c\": 0.4, \"reason\": \"r\"}", "w"),
                arguments("{\"w\": -0.1, \"a\": 0.1, \"b\": 0.5, \"c\": 0.4, \"reason\": \"r\"}", "w"),
                arguments("{\"w\": 0.9, \"a\": -0.1, \"b\": 0.7, \"c\": 0.4, \"reason\": \"r\"}", "a"),
                arguments("{\"w\": 0.9, \"a\": 0.1, \"b\": 1.01, \"c\": 0.4, \"reason\": \"r\"}", "b"),
                arguments("{\"w\": 0.9, \"a\": 0.1, \"b\": 0.5, \"c\": null, \"reason\": \"r\"}", "c"),
                arguments("{\"w\": 0.9, \"a\": 0.2, \"b\": 0.5, \"c\": 0.4, \"reason\": \"r\"}", "a+b+c"),
                arguments("{\"w\": 0.9, \"a\": 0.1, \"b\": 0.5, \"c\": 0.3, \"reason\": \"r\"}", "a+b+c"),
                arguments("{\"w\": 0.8, \"a\": 0.2, \"b\": 0.5, \"c\": 0.3}", "reason"),
                arguments("{\"w\": 0.8, \"a\": 0.2, \"b\": 0.5, \"c\": 0.3, \"reason\": \"   \"}", "reason"),
                arguments("{\"w\": 0.8, \"a\": 0.2, \"b\": 0.5, \"c\": 0.3, \"reason\": \"" + "长".repeat(2_001) + "\"}", "reason"));
    }

    @ParameterizedTest(name = "{0} is 400 on {1}")
    @MethodSource("badBodies")
    void bad_weights_are_400_naming_the_field_and_append_nothing(String body, String field) {
        long eventsBefore = weightEvents();
        Api.Response r = put("admin", PATH, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).as(r.toString()).isEqualTo(INVALID);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).as(r.toString()).contains(field);
        assertThat(weightEvents()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} is MALFORMED_REQUEST")
    @ValueSource(strings = {"{\"w\": \"high\", \"a\": 0.1, \"b\": 0.5, \"c\": 0.4, \"reason\": \"r\"}", "not json"})
    void malformed_bodies_are_400_and_append_nothing(String body) {
        long eventsBefore = weightEvents();
        Api.Response r = put("admin", PATH, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(weightEvents()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} may not change the weights")
    @ValueSource(strings = {"inspector", "inspector2", "pharmacy", "inpatient", "auditor"})
    void only_admin_and_committee_change_the_weights(String user) {
        long eventsBefore = weightEvents();
        Api.Response r = put(user, PATH, body(new double[]{0.8, 0.2, 0.5, 0.3}, "r"));
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("FORBIDDEN");
        assertThat(weightEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void anonymous_callers_may_neither_change_nor_read_them() {
        long eventsBefore = weightEvents();
        for (Api.Response r : List.of(put(null, PATH, body(new double[]{0.8, 0.2, 0.5, 0.3}, "r")), api.anonymous().get(PATH))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(weightEvents()).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "{0} reads the weights")
    @ValueSource(strings = {"inspector", "committee", "pharmacy", "auditor", "admin"})
    void every_signed_in_user_reads_the_weights(String user) {
        Api.Response r = api.as(user).get(PATH);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("a").asDouble() + body.get("b").asDouble() + body.get("c").asDouble()).isCloseTo(1.0, within(1e-6));
        assertThat(body.get("history").size()).isEqualTo((int) body.get("version").asLong());
    }

    @Test
    void a_negative_min_version_is_400() {
        Api.Response r = api.as("inspector").get(PATH + "?minVersion=-1");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo(INVALID);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private JsonNode weights(Long minVersion) {
        Api.Response r = api.as("pharmacy").get(PATH + (minVersion == null ? "" : "?minVersion=" + minVersion));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void assertWeights(JsonNode node, double[] expected) {
        assertThat(node.get("w").asDouble()).isCloseTo(expected[0], within(EPS));
        assertThat(node.get("a").asDouble()).isCloseTo(expected[1], within(EPS));
        assertThat(node.get("b").asDouble()).isCloseTo(expected[2], within(EPS));
        assertThat(node.get("c").asDouble()).isCloseTo(expected[3], within(EPS));
    }

    private static JsonNode last(JsonNode array) {
        assertThat(array.isArray() && !array.isEmpty()).as("a non-empty history: " + array).isTrue();
        return array.get(array.size() - 1);
    }

    private static String body(double[] weights, String reason) {
        return String.format(Locale.ROOT, "{\"w\": %s, \"a\": %s, \"b\": %s, \"c\": %s, \"reason\": %s}",
                weights[0], weights[1], weights[2], weights[3], Api.json(reason));
    }

    private long weightEvents() {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = 'ranking-weights'", Long.class);
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
