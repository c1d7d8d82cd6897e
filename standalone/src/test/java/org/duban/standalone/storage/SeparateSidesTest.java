package org.duban.standalone.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.command.CommandSideApplication;
import org.duban.query.QuerySideApplication;
import org.duban.standalone.support.Api;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distributed layout in one JVM: the command side and the query side as two separate
 * Spring contexts, each its own app on its own port, sharing nothing but the database.
 */
class SeparateSidesTest {

    @Test
    void a_command_on_the_command_side_is_read_back_from_the_query_side() {
        String database = TestDatabase.newDatabase();
        // The query side first: its migrations are then "future" ones to the command side, which must still start.
        try (ConfigurableApplicationContext querySide = QuerySideApplication.builder().run(args(database));
             ConfigurableApplicationContext commandSide = CommandSideApplication.builder().run(args(database))) {
            Api commands = api(commandSide);
            Api queries = api(querySide);

            Api.Response raised = commands.as("inspector").post("/api/issues", Map.of("title", "两侧分离",
                    "description", "d", "source", "SELF_INSPECTION", "category", "OTHER"));
            assertThat(raised.status()).isEqualTo(201);
            String id = raised.json().get("id").asText();
            Api.Response assigned = commands.as("inspector").post("/api/issues/" + id + "/assignment", Map.of("department", "PHARMACY"));
            assertThat(assigned.status()).isEqualTo(200);
            long version = assigned.json().get("version").asLong();

            JsonNode issue = queries.as("pharmacy").get("/api/issues/" + id + "?minVersion=" + version).json();
            assertThat(issue.get("status").asText()).isEqualTo("ASSIGNED");
            assertThat(issue.get("ownerDepartment").asText()).isEqualTo("PHARMACY");

            assertThat(commands.as("inspector").get("/api/issues/" + id).status())
                    .as("the command side serves no reads").isIn(401, 403, 404, 405);
            assertThat(queries.as("inspector").post("/api/issues", Map.of("title", "x")).status())
                    .as("the query side takes no commands").isIn(401, 403, 404, 405);
        }
    }

    private static String[] args(String database) {
        return new String[]{"--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--duban.demo.enabled=true"};
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
