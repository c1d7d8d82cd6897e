package org.duban.standalone.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.IntegrityAwait;
import org.duban.standalone.support.Apps;
import org.duban.standalone.support.TestDatabase;
import org.duban.verifier.BundleVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed checkpoints and the offline bundle (DOMAIN.md "Investigations", "Anchoring"): a bundle
 * downloaded over HTTP verifies with the standalone verifier, a payload altered behind the
 * append-only trigger is caught at its index, and a foreign public key fails the checkpoints.
 * Runs the app on its own database.
 */
class BundleAndCheckpointTest {
    @TempDir
    Path dir;
    private ConfigurableApplicationContext app;
    private Api api;
    private JdbcTemplate jdbc;
    private String baseUrl;

    @BeforeEach
    void start() {
        app = Apps.start(new SpringApplicationBuilder(StandaloneApplication.class), TestDatabase.newDatabase(),
                Clock.systemUTC(), "--duban.integrity.interval=200ms", "--duban.integrity.gap-grace=1s",
                "--duban.integrity.checkpoint-interval=200ms", "--duban.recurrence.look-back-days=0");
        api = Apps.api(app);
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        jdbc = app.getBean(JdbcTemplate.class);
        for (int i = 0; i < 3; i++) {
            Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", "导出事项 " + i,
                    "description", "测试描述", "source", "HOTLINE", "category", "MEDICAL_SERVICE"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        IntegrityAwait.chainedAndCheckpointed(jdbc, 3);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @Test
    void checkpoints_are_signed_heads_for_auditors_and_admins_only() throws Exception {
        Api.Response r = api.as("auditor").get("/api/audit/checkpoints");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("algorithm").asText()).isEqualTo("Ed25519");
        JsonNode cp = body.get("checkpoints").get(body.get("checkpoints").size() - 1);
        String head = jdbc.queryForObject("select encode(hash, 'hex') from event_chain where global_index = ?", String.class,
                cp.get("globalIndex").asLong());
        assertThat(cp.get("headHash").asText()).isEqualTo(head);
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(body.get("publicKey").asText()))));
        s.update(("duban-checkpoint\n" + cp.get("globalIndex").asLong() + "\n" + head + "\n" + cp.get("signedAt").asText())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(s.verify(Base64.getDecoder().decode(cp.get("signature").asText()))).isTrue();

        assertThat(api.as("admin").get("/api/audit/checkpoints").status()).isEqualTo(200);
        assertThat(api.as("inspector").get("/api/audit/checkpoints").status()).isEqualTo(403);
        assertThat(api.as("inspector").get("/api/audit/bundle").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/audit/bundle").status()).isEqualTo(401);
    }

    @Test
    void a_downloaded_bundle_verifies_offline_and_a_tampered_payload_breaks_it_at_its_index() throws Exception {
        List<Map<String, Object>> events = jdbc.queryForList("select global_index, event_identifier from domain_event_entry order by global_index");
        Path bundle = download("/api/audit/bundle", "intact.zip");
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            assertThat(zip.getEntry("README.txt")).isNotNull();
            assertThat(zip.getEntry("public-key.txt")).isNotNull();
            assertThat(zip.getEntry("checkpoints.json")).isNotNull();
        }
        BundleVerifier.Result ok = BundleVerifier.verify(bundle, null);
        assertThat(ok.exitCode()).as(ok.message()).isZero();
        String head = jdbc.queryForObject("select encode(hash, 'hex') from event_chain order by global_index desc limit 1", String.class);
        assertThat(ok.message()).isEqualTo("OK: " + events.size() + " events, head " + head);

        // a bundle starting mid-chain carries the previous hash and verifies on its own
        long second = ((Number) events.get(1).get("global_index")).longValue();
        BundleVerifier.Result partial = BundleVerifier.verify(download("/api/audit/bundle?from=" + second, "part.zip"), null);
        assertThat(partial.exitCode()).as(partial.message()).isZero();
        assertThat(partial.events()).isEqualTo(events.size() - 1);

        Map<String, Object> target = events.get(1);
        jdbc.execute("alter table domain_event_entry disable trigger user");
        try {
            assertThat(jdbc.update("update domain_event_entry set payload = set_byte(payload, 0, get_byte(payload, 0) # 1) "
                    + "where global_index = ?", target.get("global_index"))).isEqualTo(1);
        } finally {
            jdbc.execute("alter table domain_event_entry enable trigger user");
        }
        BundleVerifier.Result broken = BundleVerifier.verify(download("/api/audit/bundle", "tampered.zip"), null);
        assertThat(broken.exitCode()).as(broken.message()).isEqualTo(1);
        assertThat(broken.brokenIndex()).isEqualTo(((Number) target.get("global_index")).longValue());
        assertThat(broken.message()).startsWith("BROKEN at global index " + target.get("global_index")
                + " (event " + target.get("event_identifier") + "): PAYLOAD_OR_METADATA_ALTERED");
    }

    @Test
    void checkpoints_fail_against_a_public_key_other_than_the_signers() throws Exception {
        Path bundle = download("/api/audit/bundle", "bundle.zip");
        String foreign = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        BundleVerifier.Result r = BundleVerifier.verify(bundle, foreign);
        assertThat(r.exitCode()).as(r.message()).isEqualTo(1);
        assertThat(r.message()).contains("checkpoint signature does not verify");
        String own = api.as("auditor").get("/api/audit/checkpoints").json().get("publicKey").asText();
        assertThat(BundleVerifier.verify(bundle, own).ok()).isTrue();
    }

    private Path download(String path, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        Path file = dir.resolve(name);
        HttpResponse<Path> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(file));
        if (r.statusCode() != 200) throw new AssertionError(r.statusCode() + " " + Files.readString(file));
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/zip"));
        return file;
    }
}
