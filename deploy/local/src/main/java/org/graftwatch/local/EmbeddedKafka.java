package org.graftwatch.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM, node 1) on 127.0.0.1,
 * started the way the distribution's scripts do: {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka}.
 * <p>
 * Its data directory holds {@code cluster.id}, {@code server.properties} and the logs under {@code data/}, so a
 * restart on the same directory finds every topic and record again. Once ready, the contract topics exist.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final String BROKER_MAIN = "kafka.Kafka";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-Djava.awt.headless=true");

    /** The broker's current JVM: a {@link #restart} replaces it. */
    private volatile ChildJvm jvm;
    private final int port;
    private final int controllerPort;

    private EmbeddedKafka(ChildJvm jvm, int port, int controllerPort) {
        this.jvm = jvm;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code dataDir} if it is new, starts the broker, waits until it answers an AdminClient and creates
     * the missing contract topics; throws {@link InfrastructureStartException} if any of it fails or takes
     * longer than {@code timeout}. Child logs go to {@code logDir} ({@code kafka-format.log}, {@code kafka.log}).
     */
    public static EmbeddedKafka start(Path dataDir, int port, int controllerPort, Path logDir, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path dir = dataDir.toAbsolutePath();
        Path config = writeConfig(dir, port, controllerPort);
        String server = describe(port);
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.add(EmbeddedRuntime.LOG_CONFIG_OPTION);

        ChildJvm format = ChildJvm.start("kafka-format", EmbeddedRuntime.classpath(), jvmOptions, STORAGE_TOOL,
                List.of("format", "--cluster-id", clusterId(dir), "--config", config.toString(), "--ignore-formatted"),
                logDir.resolve("kafka-format.log"));
        awaitFormatted(format, server, remaining(deadline));

        ChildJvm broker = ChildJvm.start("kafka", EmbeddedRuntime.classpath(), jvmOptions, BROKER_MAIN,
                List.of(config.toString()), logDir.resolve("kafka.log"));
        awaitBroker(broker, port, deadline);
        return new EmbeddedKafka(broker, port, controllerPort);
    }

    /**
     * Starts the broker again on the same ports and data directory, once it was stopped or killed, and returns when
     * it answers again (an unclean end is recovered from its logs first); throws {@link InfrastructureStartException}
     * if it is not ready within {@code timeout}.
     */
    public void restart(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ChildJvm broker = jvm.restart();
        jvm = broker;
        awaitBroker(broker, port, deadline);
    }

    /** Until the broker answers an AdminClient and the contract topics exist. */
    private static void awaitBroker(ChildJvm broker, int port, long deadline) {
        String server = describe(port);
        // The listener first: an AdminClient created earlier would log a warning per refused connection.
        broker.awaitReady(server, () -> LoopbackPorts.accepts(port), remaining(deadline));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LoopbackPorts.HOST + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            broker.awaitReady(server, () -> hasBroker(admin), remaining(deadline));
            ContractTopics.createMissing(admin, remaining(deadline));
        } catch (InfrastructureStartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw broker.startFailure(server, e.getMessage());
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public long pid() {
        return jvm.pid();
    }

    public Path logFile() {
        return jvm.logFile();
    }

    /** Controlled shutdown on SIGTERM (the broker flushes its logs and leaves the quorum), SIGKILL after {@code grace}. */
    public void stop(Duration grace) {
        jvm.stop(grace);
    }

    /** SIGKILL, as a crash: no controlled shutdown; what the broker acknowledged is in its logs for the {@link #restart}. */
    public void kill() {
        jvm.kill();
    }

    public boolean isAlive() {
        return jvm.isAlive();
    }

    @Override
    public void close() {
        stop(EmbeddedInfrastructure.DEFAULT_STOP_GRACE);
    }

    static String describe(int port) {
        return "embedded Kafka broker on " + LoopbackPorts.HOST + ":" + port;
    }

    /** The cluster id lives next to the data so a restart reuses the formatted logs instead of refusing them. */
    private static String clusterId(Path dataDir) {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) {
        String host = LoopbackPorts.HOST;
        String config = String.join("\n",
                "# Written by " + EmbeddedKafka.class.getName() + " at every start: the ports may change.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + controllerPort,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("data"),
                "num.partitions=" + ContractTopics.PARTITIONS,
                "auto.create.topics.enable=true",
                // One broker: every internal topic with one replica, and one partition where tests wait on it.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Scenario replays carry clinical event times years back: time-based retention would drop them.
                "log.retention.ms=-1",
                "");
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker configuration into " + dataDir, e);
        }
    }

    private static void awaitFormatted(ChildJvm format, String server, Duration timeout) {
        OptionalInt exitCode;
        try {
            exitCode = format.awaitExit(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw format.startFailure(server, "interrupted while formatting its storage");
        }
        if (exitCode.isEmpty()) {
            throw format.startFailure(server, "formatting its storage took longer than " + ChildJvm.seconds(timeout));
        }
        if (exitCode.getAsInt() != 0) {
            throw format.startFailure(server, "formatting its storage failed with exit code " + exitCode.getAsInt());
        }
    }

    private static boolean hasBroker(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                    .nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
