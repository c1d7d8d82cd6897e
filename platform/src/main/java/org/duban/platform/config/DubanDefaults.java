package org.duban.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Settings every Duban app shares (standalone, command side, query side), added with the lowest
 * precedence so each app's application.yml, profiles and environment variables override them.
 * Also turns Axon's update checker off before Axon starts: it reads a JVM system property, not
 * Spring's environment, and this machine has no internet to call home to. Under profile
 * {@code axonserver}, duban-axonserver.yml comes on top of the shared defaults.
 */
public class DubanDefaults implements EnvironmentPostProcessor {
    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    /** Events in Axon Server, which also routes commands and queries (ARCHITECTURE.md). */
    public static final String AXON_SERVER_PROFILE = "axonserver";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Profile axonserver's settings rank above the shared ones, so they are added first.
        if (environment.acceptsProfiles(Profiles.of(AXON_SERVER_PROFILE))) add(environment, "duban-axonserver");
        add(environment, "duban-defaults");
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, environment.getProperty(UPDATE_CHECKER_DISABLED, "true"));
        }
    }

    private static void add(ConfigurableEnvironment environment, String name) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name, new ClassPathResource(name + ".yml"));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ".yml is unreadable", e);
        }
    }
}
