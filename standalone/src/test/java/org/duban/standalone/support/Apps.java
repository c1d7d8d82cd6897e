package org.duban.standalone.support;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;

/** Starts whole applications for tests that need more than one, or a restart, or their own clock. */
public final class Apps {

    private Apps() {
    }

    /** Starts the app on a random port against {@code database}, with {@code clock} as the one clock. */
    public static ConfigurableApplicationContext start(SpringApplicationBuilder app, String database, Clock clock, String... extraArgs) {
        String[] base = {"--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--duban.embedded-postgres.enabled=false", "--duban.demo.enabled=true", "--duban.demo.seed-data=false",
                "--duban.deadlines.polling=false"};
        String[] args = new String[base.length + extraArgs.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extraArgs, 0, args, base.length, extraArgs.length);
        return app.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock)).run(args);
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
