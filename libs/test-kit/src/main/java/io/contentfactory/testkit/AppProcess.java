package io.contentfactory.testkit;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A packaged Quarkus application run as its own JVM process, as it runs in production. */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code <moduleDir>/target/quarkus-app/quarkus-run.jar} on a free port and waits for its readiness.
     *
     * @param moduleDir the module's folder, relative to the calling module (for example {@code ../platform-sandbox})
     */
    public static AppProcess start(String name, Path moduleDir, Map<String, String> properties, Duration timeout) {
        return start(name, moduleDir, properties, List.of("-Xmx160m", "-XX:+UseSerialGC"), timeout);
    }

    /** As {@link #start(String, Path, Map, Duration)}, with the JVM options given (heap, collector) instead of the small defaults. */
    public static AppProcess start(
            String name, Path moduleDir, Map<String, String> properties, List<String> jvmOptions, Duration timeout) {
        Path jar = moduleDir
                .resolve("target/quarkus-app/quarkus-run.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the whole project (./mvnw verify) so that " + name
                    + " is packaged before the modules whose tests run it");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path log = Files.createDirectories(Path.of("target/processes")).resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            AppProcess app = new AppProcess(name, process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, name + "-stop"));
            app.awaitReady(timeout);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CPU time the process has used so far, where the operating system tells it (zero where it does not). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    /** Kills the process at once (SIGKILL), as a crash would: nothing gets to finish. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
