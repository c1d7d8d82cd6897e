package org.duban.standalone.storage;

import org.duban.standalone.StandaloneApplication;
import org.duban.standalone.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Demo users have public passwords: production refuses to start with them. */
class ProdProfileGuardTest {

    @Test
    void profile_prod_refuses_to_start_while_demo_users_are_enabled() {
        String database = TestDatabase.newDatabase();
        assertThatThrownBy(() -> new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--spring.profiles.active=postgres,prod", "--server.port=0",
                "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--duban.demo.enabled=true").close())
                .hasStackTraceContaining("refuses to start while duban.demo.enabled=true");
    }
}
