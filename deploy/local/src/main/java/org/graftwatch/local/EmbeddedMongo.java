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

    private final ChildJvm jvm;
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
        String readyLine = "READY " + port;
        jvm.awaitReady(describe(port), () -> logContains(logFile, readyLine), timeout);
        return new EmbeddedMongo(jvm, port);
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
