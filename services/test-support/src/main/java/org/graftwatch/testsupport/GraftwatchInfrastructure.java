package org.graftwatch.testsupport;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The Kafka broker and the MongoDB store behind the tests of this JVM: started once, on first use, and stopped
 * by a shutdown hook when the JVM exits.
 * <p>
 * System property {@value #MODE_PROPERTY} chooses the backend: {@code containers} (Testcontainers: apache/kafka
 * and a single-node MongoDB replica set), {@code embedded} (the local stack's child JVMs on free ports, data in a
 * temp directory) or {@code auto}, the default: containers when Docker answers, embedded otherwise. The same
 * tests run on both. Either way every contract topic exists with 3 partitions before the first test runs.
 */
public final class GraftwatchInfrastructure {

    public static final String MODE_PROPERTY = "graftwatch.infra";

    /*
     * Quarkus may load this class once per application class loader (one per test profile), so the servers'
     * addresses are published as system properties: a second copy of the class finds and reuses them, and the
     * interned lock serialises the copies.
     */
    private static final String SHARED_BACKEND = "graftwatch.infra.running.backend";
    private static final String SHARED_BOOTSTRAP_SERVERS = "graftwatch.infra.running.bootstrap-servers";
    private static final String SHARED_MONGO = "graftwatch.infra.running.mongo-connection-string";
    private static final Object LOCK = GraftwatchInfrastructure.class.getName().intern();
    private static final System.Logger LOG = System.getLogger(GraftwatchInfrastructure.class.getName());

    private static GraftwatchInfrastructure instance;
    private static RuntimeException startFailure;

    /** Which servers back the tests. */
    public enum Backend {
        /** Testcontainers: the apache/kafka image and MongoDB 7 as a single-node replica set. */
        CONTAINERS,
        /** Child JVMs of this one: a real Kafka broker and mongo-java-server (see the local-stack module). */
        EMBEDDED
    }

    /** The backend chosen and why, for the log. */
    record Choice(Backend backend, String reason) {
    }

    private final Backend backend;
    private final String bootstrapServers;
    private final String mongoConnectionString;

    private GraftwatchInfrastructure(Backend backend, String bootstrapServers, String mongoConnectionString) {
        this.backend = backend;
        this.bootstrapServers = bootstrapServers;
        this.mongoConnectionString = mongoConnectionString;
    }

    /** The running infrastructure, started on the first call (this may take a minute). */
    public static GraftwatchInfrastructure get() {
        synchronized (LOCK) {
            if (instance != null) {
                return instance;
            }
            if (startFailure != null) {
                throw new IllegalStateException("the test infrastructure failed to start earlier in this JVM: "
                        + startFailure.getMessage(), startFailure);
            }
            String running = System.getProperty(SHARED_BOOTSTRAP_SERVERS);
            if (running != null) {
                instance = new GraftwatchInfrastructure(Backend.valueOf(System.getProperty(SHARED_BACKEND)), running,
                        System.getProperty(SHARED_MONGO));
                return instance;
            }
            try {
                instance = start(choose(System.getProperty(MODE_PROPERTY), GraftwatchInfrastructure::dockerAnswers));
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            System.setProperty(SHARED_BACKEND, instance.backend.name());
            System.setProperty(SHARED_BOOTSTRAP_SERVERS, instance.bootstrapServers);
            System.setProperty(SHARED_MONGO, instance.mongoConnectionString);
            return instance;
        }
    }

    public Backend backend() {
        return backend;
    }

    /** The Kafka bootstrap servers, {@code host:port}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code mongodb://host:port}, without a database: each service names its own. */
    public String mongoConnectionString() {
        return mongoConnectionString;
    }

    @Override
    public String toString() {
        return "GraftwatchInfrastructure[" + backend + ", kafka " + bootstrapServers + ", mongo " + mongoConnectionString + "]";
    }

    /**
     * Reads {@value #MODE_PROPERTY} ({@code auto} when unset or blank, any case); asks Docker only for {@code auto}.
     *
     * @throws IllegalArgumentException for any other value
     */
    static Choice choose(String mode, BooleanSupplier dockerAvailable) {
        String value = mode == null || mode.isBlank() ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "containers" -> new Choice(Backend.CONTAINERS, MODE_PROPERTY + "=containers");
            case "embedded" -> new Choice(Backend.EMBEDDED, MODE_PROPERTY + "=embedded");
            case "auto" -> dockerAvailable.getAsBoolean()
                    ? new Choice(Backend.CONTAINERS, MODE_PROPERTY + "=auto and Docker answers")
                    : new Choice(Backend.EMBEDDED, MODE_PROPERTY + "=auto and Docker is not available");
            default -> throw new IllegalArgumentException(
                    "system property " + MODE_PROPERTY + " must be auto, embedded or containers, not '" + mode + "'");
        };
    }

    private static GraftwatchInfrastructure start(Choice choice) {
        LOG.log(System.Logger.Level.INFO, "Starting the test infrastructure: {0} ({1})", choice.backend(), choice.reason());
        long begin = System.nanoTime();
        RunningServers servers = switch (choice.backend()) {
            case CONTAINERS -> ContainerServers.start();
            case EMBEDDED -> EmbeddedServers.start();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "graftwatch-infra-stop"));
        GraftwatchInfrastructure started = new GraftwatchInfrastructure(choice.backend(),
                Objects.requireNonNull(servers.bootstrapServers()), Objects.requireNonNull(servers.mongoConnectionString()));
        LOG.log(System.Logger.Level.INFO, "Test infrastructure ready in {0} ms: {1}",
                Duration.ofNanos(System.nanoTime() - begin).toMillis(), started);
        return started;
    }

    private static boolean dockerAnswers() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "Docker check failed", e);
            return false;
        }
    }

    /** The servers of one backend, as the singleton holds them until the JVM exits. */
    interface RunningServers extends AutoCloseable {
        String bootstrapServers();

        String mongoConnectionString();

        @Override
        void close();
    }
}
