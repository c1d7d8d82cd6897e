package org.duban.query.replay;

import org.duban.api.error.DomainRefusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The command-line replay: started with {@code --duban.replay=<group>} (the {@code ./duban replay}
 * script), the app replays that projection to completion once it is up, printing progress, and
 * its main method then exits with {@link #getExitCode()}: 0 done, 1 failed, 2 unknown group or a
 * replay already running. The switch works as over HTTP, so nodes serving meanwhile keep answering.
 */
@Component
@ConditionalOnProperty("duban.replay")
public class ReplayCommandLine implements ApplicationRunner, ExitCodeGenerator {
    private final ProjectionReplayer replayer;
    private final ReplayableProjections registry;
    private final String group;
    private final PrintStream out = System.out;
    private volatile int exitCode = 1;

    ReplayCommandLine(ProjectionReplayer replayer, ReplayableProjections registry, @Value("${duban.replay}") String group) {
        this.replayer = replayer;
        this.registry = registry;
        this.group = group.trim();
    }

    @Override
    public void run(ApplicationArguments args) {
        ProjectionReplayer.Outcome outcome;
        try {
            outcome = replayer.runToCompletion(group, run -> out.printf(Locale.ROOT,
                    "replay %s: %s %5.1f%% position %s of %s, %d events, %.0f events/s%n", run.group(), run.status(),
                    run.percent(), run.position(), run.head(), run.events(), run.eventsPerSecond()));
        } catch (DomainRefusal refusal) {
            System.err.println("duban replay: " + refusal.getMessage());
            System.err.println("replayable projections: "
                    + String.join(", ", registry.all().stream().map(ReplayableProjection::group).toList()));
            exitCode = 2;
            return;
        }
        if (outcome.succeeded()) {
            out.printf(Locale.ROOT, "replay %s done: %d events in the shadow tables, switched at position %s, %.0f events/s%n",
                    group, outcome.events(), outcome.position(), outcome.eventsPerSecond());
            exitCode = 0;
        } else {
            System.err.println("duban replay: " + group + " failed, the live view is unchanged: " + outcome.error());
            exitCode = 1;
        }
    }

    /** For main methods: a command-line replay has run by now, so the process ends with its exit code. */
    public static void exitWhenReplayed(ConfigurableApplicationContext context) {
        if (context.getBeanNamesForType(ReplayCommandLine.class).length > 0) {
            System.exit(SpringApplication.exit(context));
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
