package org.graftwatch.testsupport;

import org.graftwatch.local.EmbeddedInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The local stack's embedded servers on free ports, their data in a temp directory deleted after the run. */
final class EmbeddedServers implements GraftwatchInfrastructure.RunningServers {

    private static final System.Logger LOG = System.getLogger(EmbeddedServers.class.getName());

    private final EmbeddedInfrastructure infrastructure;

    private EmbeddedServers(EmbeddedInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    static EmbeddedServers start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("graftwatch-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the embedded servers", e);
        }
        // If the start fails the directory stays: the exception names the child logs kept in it.
        return new EmbeddedServers(EmbeddedInfrastructure.builder(dataDir).start());
    }

    @Override
    public String bootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return infrastructure.mongoConnectionString();
    }

    @Override
    public void close() {
        infrastructure.close();
        delete(infrastructure.dataDir());
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete " + dir, e);
        }
    }
}
