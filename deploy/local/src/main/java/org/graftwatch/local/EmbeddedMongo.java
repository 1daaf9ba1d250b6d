package org.graftwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB-wire-compatible store (mongo-java-server, H2 backend) in a child JVM on 127.0.0.1.
 * <p>
 * It persists to {@code <dataDir>/store.h2}. It has no multi-document transactions; change streams work
 * (the oplog is enabled).
 */
public final class EmbeddedMongo implements AutoCloseable {

    static final String MAIN_CLASS = "org.graftwatch.embedded.MongoStoreMain";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-Djava.awt.headless=true");

    /** The store's current JVM: a {@link #restart} replaces it. */
    private volatile ChildJvm jvm;
    private final int port;

    private EmbeddedMongo(ChildJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Starts the store and returns once it accepts connections, or throws {@link InfrastructureStartException}. */
    public static EmbeddedMongo start(Path dataDir, int port, Path logFile, Duration timeout) {
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.add(EmbeddedRuntime.LOG_CONFIG_OPTION);
        Path storeFile = dataDir.toAbsolutePath().resolve("store.h2");
        ChildJvm jvm = ChildJvm.start("mongo-store", EmbeddedRuntime.classpath(), jvmOptions, MAIN_CLASS,
                List.of(Integer.toString(port), storeFile.toString()), logFile);
        awaitReady(jvm, port, timeout);
        return new EmbeddedMongo(jvm, port);
    }

    /**
     * Starts the store again on the same port and file once it was stopped (or killed: then writes of its last moments
     * may be lost, as H2 commits in the background), and returns when it accepts connections again.
     */
    public void restart(Duration timeout) {
        ChildJvm store = jvm.restart();
        jvm = store;
        awaitReady(store, port, timeout);
    }

    private static void awaitReady(ChildJvm store, int port, Duration timeout) {
        String readyLine = "READY " + port;
        store.awaitReady(describe(port), () -> logContains(store.logFile(), readyLine), timeout);
    }

    public int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database: each service names its own. */
    public String connectionString() {
        return "mongodb://" + LoopbackPorts.HOST + ":" + port;
    }

    public long pid() {
        return jvm.pid();
    }

    public Path logFile() {
        return jvm.logFile();
    }

    public void stop(Duration grace) {
        jvm.stop(grace);
    }

    /** SIGKILL, as a crash. */
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
        return "embedded MongoDB store on " + LoopbackPorts.HOST + ":" + port;
    }

    private static boolean logContains(Path logFile, String line) {
        try {
            return Files.exists(logFile)
                    && new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().anyMatch(line::equals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
