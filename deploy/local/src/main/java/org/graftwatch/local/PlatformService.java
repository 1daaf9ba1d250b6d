package org.graftwatch.local;

import java.nio.file.Path;
import java.util.List;

/**
 * A GraftWatch service of the local stack: its module, its fixed HTTP port, and where Maven packages it.
 *
 * @param name   the module name under {@code services/}
 * @param port   the documented HTTP port
 */
public record PlatformService(String name, int port) {

    /** Every service, in the order they start (the case registry and ingest are the public doors). */
    public static final List<PlatformService> ALL = List.of(
            new PlatformService("ingest", 8081),
            new PlatformService("case-registry", 8082),
            new PlatformService("graft-monitor", 8083),
            new PlatformService("surveillance", 8084),
            new PlatformService("alerts", 8085));

    /** The Quarkus fast-jar runner of the service, as {@code ./mvnw package} leaves it. */
    public Path runner(Path repositoryRoot) {
        return repositoryRoot.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public PlatformService withPort(int otherPort) {
        return new PlatformService(name, otherPort);
    }

    public static PlatformService named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
