package org.duban.standalone.nodes;

import org.duban.standalone.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Duban node (command side or query side) in its own JVM, as in the distributed layout: the
 * test JVM's java and classpath, its own loopback port, the shared database. Its output goes to
 * a log file under target/nodes, which every failure message names. {@link #kill()} is kill -9;
 * {@link #start()} again restarts it on the same port.
 */
final class Node implements AutoCloseable {
    private static final Path LOG_DIR = Path.of("target", "nodes");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final String mainClass;
    private final List<String> args;
    private final int port;
    private Process process;
    private Path log;
    private int starts;

    private Node(String name, String mainClass, int port, List<String> args) {
        this.name = name;
        this.mainClass = mainClass;
        this.port = port;
        this.args = args;
    }

    static Node command(String name, String database, String... extraArgs) {
        return of(name, "org.duban.command.CommandSideApplication", database, extraArgs);
    }

    static Node query(String name, String database, String... extraArgs) {
        return of(name, "org.duban.query.QuerySideApplication", database, extraArgs);
    }

    private static Node of(String name, String mainClass, String database, String... extraArgs) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.profiles.active=postgres", "--duban.demo.enabled=true"));
        args.addAll(List.of(extraArgs));
        return new Node(name, mainClass, port, List.copyOf(args));
    }

    /** Launches the JVM; {@link #awaitUp(Duration)} waits until it serves. */
    synchronized Node start() {
        if (process != null && process.isAlive()) throw new IllegalStateException(name + " is already running");
        try {
            Files.createDirectories(LOG_DIR);
            log = LOG_DIR.resolve(name + "-" + (++starts) + ".log").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(javaBinary(),
                    // Four of these share two cores with the test and PostgreSQL: a small heap and the
                    // C1 compiler only keep start-up short, which matters more here than peak speed.
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", classPath(), mainClass));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until /actuator/health answers UP; fails with the log's path if the JVM dies or takes too long. */
    Node awaitUp(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError(name + " exited with " + process.exitValue() + " during start-up; log: " + log);
            if (healthy()) return this;
            pause(250);
        }
        throw new AssertionError(name + " not UP within " + bound + "; log: " + log);
    }

    boolean healthy() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: no shutdown hooks, no releasing of token claims, connections cut mid-request. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    long pid() {
        return process.pid();
    }

    /** The owner Axon writes into token_entry: the JVM's runtime name, pid@host. */
    String ownerPrefix() {
        return process.pid() + "@";
    }

    Api api() {
        return new Api(baseUrl());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        waitFor();
    }

    @Override
    public String toString() {
        return name + " (port " + port + ", log " + log + ")";
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError(name + " did not exit; log: " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; the real test classpath is in this property. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
