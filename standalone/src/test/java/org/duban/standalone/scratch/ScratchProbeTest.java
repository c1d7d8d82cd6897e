package org.duban.standalone.scratch;

import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScratchProbeTest {
    private static final String DATABASE = TestDatabase.newDatabase();
    @LocalServerPort int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("duban.embedded-postgres.enabled", () -> "false");
        registry.add("duban.demo.enabled", () -> "true");
        registry.add("duban.demo.seed-data", () -> "false");
    }

    String raise(Api api, String title) {
        Api.Response r = api.as("inspector").post("/api/issues", Map.of("title", title, "description", "d", "source", "HOTLINE", "category", "OTHER"));
        System.out.println("PROBE raise " + title.replace("\u0000", "<NUL>") + " -> " + r);
        return r.status() == 201 ? r.json().get("id").asText() : null;
    }

    @Test
    void probe() throws Exception {
        Api api = new Api("http://localhost:" + port);
        System.out.println("PROBE q=%00 -> " + api.as("inspector").get("/api/issues?q=%00"));
        System.out.println("PROBE get id %00 -> " + api.as("inspector").get("/api/issues/%00"));
        String nul = raise(api, "a\u0000b");
        String after = raise(api, "after-nul");
        System.out.println("PROBE read after-nul -> " + api.as("inspector").get("/api/issues/" + after + "?minVersion=0"));
        if (nul != null) System.out.println("PROBE read nul -> " + api.as("inspector").get("/api/issues/" + nul + "?minVersion=0"));

        String big = raise(api, "big-date");
        System.out.println("PROBE assign " + api.as("inspector").post("/api/issues/" + big + "/assignment", Map.of("department", "PHARMACY")));
        System.out.println("PROBE ack " + api.as("pharmacy").post("/api/issues/" + big + "/acknowledgement", Map.of()));
        System.out.println("PROBE ext " + api.as("pharmacy").post("/api/issues/" + big + "/extension-requests", Map.of("requestedDueDate", "+999999999-12-31", "reason", "r")));
        System.out.println("PROBE decide " + api.as("committee").post("/api/issues/" + big + "/extension-decisions", Map.of("approved", true)));
        String after2 = raise(api, "after-big");
        System.out.println("PROBE read after-big -> " + api.as("inspector").get("/api/issues/" + after2 + "?minVersion=0"));
        System.out.println("PROBE read big -> " + api.as("inspector").get("/api/issues/" + big + "?minVersion=4"));
        System.out.println("PROBE list -> " + api.as("inspector").get("/api/issues?overdue=true"));
    }
}
