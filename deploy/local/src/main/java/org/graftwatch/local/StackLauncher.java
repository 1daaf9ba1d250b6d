package org.graftwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * The main job: the whole platform on the embedded default. Starts Kafka and the MongoDB-wire store, every
 * service on its documented port, then replays a scenario through the public interfaces with the ward simulator,
 * which prints each alert as it is raised. Runs until Ctrl-C (or SIGTERM), then stops everything in order:
 * simulator, services (each finishing its batch), broker, store.
 * <p>
 * Data lives in {@code .graftwatch/} under the repository root, so a second run resumes from it: the replay
 * finds its records already processed and the alerts already raised, and nothing is raised twice.
 */
public final class StackLauncher {
    static final String DEFAULT_SCENARIO = "services/ward-simulator/scenarios/motivating-case.json";
    private static final Duration SERVICE_START = Duration.ofSeconds(120);

    private StackLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")))) {
            System.out.println("usage: deploy/local/run.sh [scenario.json]   (default " + DEFAULT_SCENARIO + ")");
            System.exit(args.length > 1 ? 2 : 0);
        }
        Path root = Path.of(System.getProperty("graftwatch.home", ".")).toAbsolutePath().normalize();
        Path scenario = args.length == 1 ? Path.of(args[0]).toAbsolutePath() : root.resolve(DEFAULT_SCENARIO);
        if (!Files.isRegularFile(scenario)) {
            System.err.println("no scenario file at " + scenario);
            System.exit(2);
        }
        Path data = root.resolve(".graftwatch");
        Path logs = data.resolve("logs");
        Files.createDirectories(logs);

        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());

        List<AutoCloseable> started = new ArrayList<>();
        int status = 0;
        try {
            say("starting Kafka (KRaft) and the MongoDB-wire store in " + data);
            EmbeddedInfrastructure infra = EmbeddedInfrastructure.builder(data).localStackPorts().start();
            started.add(infra);
            say("Kafka " + infra.bootstrapServers() + ", MongoDB " + infra.mongoConnectionString());

            say("starting the services (logs in " + logs + ")");
            PlatformServices services = PlatformServices.start(root, PlatformService.ALL, infra.bootstrapServers(),
                    infra.mongoConnectionString(), logs, SERVICE_START);
            started.add(services);
            services.describe().forEach(System.out::println);

            say("replaying " + root.relativize(scenario) + " through ward.labs.v1 / ward.vitals.v1 and the case registry;"
                    + " alerts follow as they are raised (Ctrl-C stops everything)");
            Process simulator = simulator(root, scenario, infra, services);
            started.add(() -> stopProcess(simulator));
            while (!stop.await(500, TimeUnit.MILLISECONDS)) {
                if (!simulator.isAlive()) {
                    status = simulator.exitValue();
                    say("the ward simulator ended with status " + status + "; the stack keeps running until Ctrl-C");
                    stop.await();
                }
            }
            say("stopping");
        } catch (InfrastructureStartException e) {
            System.err.println(e.getMessage());
            status = 1;
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
        say("stopped");
        System.exit(status);
    }

    private static Process simulator(Path root, Path scenario, EmbeddedInfrastructure infra, PlatformServices services) {
        Path jar = root.resolve("services/ward-simulator/target/ward-simulator.jar");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // Ctrl-C is ours to handle; the simulator gets SIGTERM in order
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar.toString(), "replay", scenario.toString(), "--follow",
                "--bootstrap-servers", infra.bootstrapServers(), "--registry-url", services.url("case-registry")));
        try {
            return new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the ward simulator " + jar, e);
        }
    }

    private static void stopProcess(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void say(String line) {
        System.out.println("[graftwatch] " + line);
    }
}
