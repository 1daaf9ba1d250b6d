package org.graftwatch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged services running as child JVMs against one Kafka broker and one MongoDB, each on its own port,
 * each ready when its readiness probe (Kafka and MongoDB reachable, channels up) answers 200.
 */
public final class PlatformServices implements AutoCloseable {
    private static final String ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final List<Running> running;

    private record Running(PlatformService service, ChildJvm jvm) {
    }

    private PlatformServices(List<Running> running) {
        this.running = running;
    }

    /**
     * Starts every service (all at once: their start-up overlaps), then waits for each to be ready. If one fails,
     * the ones already started are stopped and the failure names the service with the end of its log.
     */
    public static PlatformServices start(Path repositoryRoot, List<PlatformService> services, String bootstrapServers,
                                         String mongoConnectionString, Path logDir, Duration timeout) {
        List<Running> running = new ArrayList<>();
        try {
            for (PlatformService service : services) {
                Path runner = service.runner(repositoryRoot);
                if (!Files.isRegularFile(runner)) {
                    throw new InfrastructureStartException(service.name() + " is not built: " + runner
                            + " is missing (run ./mvnw package -DskipTests)", null);
                }
                List<String> options = List.of(
                        "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.port=" + service.port(),
                        "-DHTTP_HOST=127.0.0.1",
                        "-DKAFKA_BOOTSTRAP_SERVERS=" + bootstrapServers,
                        "-DMONGODB_URI=" + mongoConnectionString);
                running.add(new Running(service, ChildJvm.start(service.name(), runner.toString(), options, ENTRY_POINT,
                        List.of(), logDir.resolve(service.name() + ".log"))));
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (Running r : running) {
                r.jvm().awaitReady(r.service().name() + " on port " + r.service().port(), () -> ready(http, r.service()), timeout);
            }
            return new PlatformServices(running);
        } catch (RuntimeException e) {
            new PlatformServices(running).close();
            throw e;
        }
    }

    private static boolean ready(HttpClient http, PlatformService service) {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The base URL of a running service. */
    public String url(String serviceName) {
        return running.stream().filter(r -> r.service().name().equals(serviceName)).findFirst()
                .map(r -> "http://127.0.0.1:" + r.service().port())
                .orElseThrow(() -> new IllegalArgumentException(serviceName + " is not running"));
    }

    public List<String> describe() {
        return running.stream().map(r -> String.format("  %-14s http://127.0.0.1:%d  (pid %d, log %s)",
                r.service().name(), r.service().port(), r.jvm().pid(), r.jvm().logFile())).toList();
    }

    /** Stops the services in reverse start order, each finishing its in-flight batch (SIGTERM). */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).jvm().stop(STOP_GRACE);
        }
    }
}
