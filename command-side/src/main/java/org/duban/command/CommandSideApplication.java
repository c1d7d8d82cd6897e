package org.duban.command;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side on its own, against an external PostgreSQL (profile {@code postgres}). */
@SpringBootApplication
public class CommandSideApplication {
    /** Its settings live in command-side.yml, so they never shadow the standalone app's application.yml on a shared classpath. */
    public static final String CONFIG_NAME = "command-side";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
