package io.feiyan.bench;

import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bare Quarkus service intake is measured against ({@code bench/baseline}: a JSON POST that inserts one row),
 * started as the services are — its own JVM with the same heap — against a database of its own on the system's
 * PostgreSQL server.
 */
final class BaselineService implements AutoCloseable {
    private final Process process;
    private final String url;

    private BaselineService(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static BaselineService start(Path projectRoot, String jdbcUrl, Path log) throws Exception {
        Path jar = projectRoot.resolve("bench/baseline/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        int port = Ports.free();
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + EmbeddedDatabase.USER,
                "-Dquarkus.datasource.password=" + EmbeddedDatabase.PASSWORD,
                "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BaselineService baseline = new BaselineService(process, "http://localhost:" + port + "/rows");
        baseline.awaitReady(log);
        return baseline;
    }

    /** The CPU its process has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    HttpRequest insert() {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a row of the benchmark's baseline\"}"))
                .build();
    }

    private void awaitReady(Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the baseline service stopped while starting; see " + log);
            }
            try {
                if (http.send(insert(), HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the baseline service did not answer; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
