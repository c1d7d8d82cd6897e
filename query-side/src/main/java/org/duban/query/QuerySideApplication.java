package org.duban.query;

import org.duban.query.replay.ReplayCommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side on its own, against an external PostgreSQL (profile {@code postgres}). */
@SpringBootApplication
public class QuerySideApplication {
    /** Its settings live in query-side.yml, so they never shadow the standalone app's application.yml on a shared classpath. */
    public static final String CONFIG_NAME = "query-side";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        ReplayCommandLine.exitWhenReplayed(builder().run(args));
    }
}
