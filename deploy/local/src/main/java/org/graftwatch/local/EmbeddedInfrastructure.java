package org.graftwatch.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The embedded default infrastructure: the MongoDB-wire-compatible store and a Kafka broker, each in a child
 * JVM on 127.0.0.1, persisting into one data directory ({@code mongo/}, {@code kafka/}, and {@code logs/} for
 * the child JVMs' output).
 * <pre>{@code
 * try (EmbeddedInfrastructure infra = EmbeddedInfrastructure.builder(dataDir).start()) {   // free ports
 *     infra.bootstrapServers();        // 127.0.0.1:<port>
 *     infra.mongoConnectionString();   // mongodb://127.0.0.1:<port>
 * }
 * }</pre>
 * The local stack uses {@link Builder#localStackPorts()} (Kafka 9092, controller 9093, store 27018).
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    public static final int LOCAL_KAFKA_PORT = 9092;
    public static final int LOCAL_CONTROLLER_PORT = 9093;
    public static final int LOCAL_MONGO_PORT = 27018;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(20);

    private final Path dataDir;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;
    private final Duration stopGrace;

    private EmbeddedInfrastructure(Path dataDir, EmbeddedMongo mongo, EmbeddedKafka kafka, Duration stopGrace) {
        this.dataDir = dataDir;
        this.mongo = mongo;
        this.kafka = kafka;
        this.stopGrace = stopGrace;
    }

    /** Ports default to free ones (0); set them to run where other programs expect the servers. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public Path dataDir() {
        return dataDir;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    /** Stops in the reverse order of the start: the broker (controlled shutdown), then the store. */
    @Override
    public void close() {
        try {
            kafka.stop(stopGrace);
        } finally {
            mongo.stop(stopGrace);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedInfrastructure[kafka " + bootstrapServers() + " (pid " + kafka.pid() + "), mongo "
                + mongoConnectionString() + " (pid " + mongo.pid() + "), data " + dataDir + "]";
    }

    public static final class Builder {
        private final Path dataDir;
        private int kafkaPort;
        private int controllerPort;
        private int mongoPort;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private Duration stopGrace = DEFAULT_STOP_GRACE;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        }

        /** 0 (the default) picks a free port. */
        public Builder kafkaPort(int port) {
            this.kafkaPort = checkPort(port);
            return this;
        }

        /** The KRaft controller listener; 0 (the default) picks a free port. */
        public Builder controllerPort(int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder mongoPort(int port) {
            this.mongoPort = checkPort(port);
            return this;
        }

        /** The fixed ports of the local stack: Kafka 9092, controller 9093, store 27018. */
        public Builder localStackPorts() {
            return kafkaPort(LOCAL_KAFKA_PORT).controllerPort(LOCAL_CONTROLLER_PORT).mongoPort(LOCAL_MONGO_PORT);
        }

        /** How long each server may take to become ready (default 60 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long each server may take to stop after SIGTERM before it is killed (default 20 s). */
        public Builder stopGrace(Duration grace) {
            this.stopGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /**
         * Starts the store, then the broker. If one fails, whatever did start is stopped again and an
         * {@link InfrastructureStartException} names the server, the reason and the tail of its log.
         */
        public EmbeddedInfrastructure start() {
            int[] free = LoopbackPorts.pickFree(3);
            int mongo = mongoPort == 0 ? free[0] : mongoPort;
            int kafka = kafkaPort == 0 ? free[1] : kafkaPort;
            int controller = controllerPort == 0 ? free[2] : controllerPort;
            if (kafka == controller || kafka == mongo || controller == mongo) {
                throw new IllegalArgumentException("the three servers need three different ports, not kafka " + kafka
                        + ", controller " + controller + ", mongo " + mongo);
            }
            Path logs = dataDir.resolve("logs");

            EmbeddedMongo store = EmbeddedMongo.start(dataDir.resolve("mongo"), mongo, logs.resolve("mongo.log"), startTimeout);
            try {
                EmbeddedKafka broker = EmbeddedKafka.start(dataDir.resolve("kafka"), kafka, controller, logs, startTimeout);
                return new EmbeddedInfrastructure(dataDir, store, broker, stopGrace);
            } catch (RuntimeException e) {
                store.stop(stopGrace);
                throw e instanceof InfrastructureStartException
                        ? e
                        : new InfrastructureStartException(EmbeddedKafka.describe(kafka) + " failed to start: " + e, e);
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            return port;
        }
    }
}
