package org.duban.standalone;

import org.duban.command.CommandSideApplication;
import org.duban.query.QuerySideApplication;
import org.duban.query.replay.ReplayCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Wiring only: the command side and the query side in one process on one port. By default on
 * the embedded PostgreSQL with demo data; with profile {@code postgres} on an external server.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.duban.command", "org.duban.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class StandaloneApplication {
    public static void main(String[] args) {
        // With --duban.replay=<group> the app replays that projection and exits (ReplayCommandLine).
        ReplayCommandLine.exitWhenReplayed(SpringApplication.run(StandaloneApplication.class, args));
    }
}
