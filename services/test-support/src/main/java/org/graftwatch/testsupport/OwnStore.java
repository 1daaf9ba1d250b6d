package org.graftwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.graftwatch.local.EmbeddedMongo;

/**
 * A test profile that gives the service a MongoDB store of its own (the embedded store in a child JVM on a free port,
 * never the shared test infrastructure), which a store-outage test stops and starts again through {@link #store()}.
 * The driver gives up looking for the store after 2 s instead of 30 s, so every call during the outage (the readiness
 * ping, a batch's reads and writes) fails quickly.
 * <pre>{@code
 * @QuarkusTest
 * @TestProfile(OwnStore.class)
 * class StoreOutageIT { ... OwnStore.store().stop(Duration.ofSeconds(10)); ... }
 * }</pre>
 */
public class OwnStore implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mongodb.server-selection-timeout", "2s");
    }

    /** The store of the running profile. */
    public static EmbeddedMongo store() {
        return Resource.store;
    }

    /** Starts after the shared resource (higher order), so its connection string is the one the service uses. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {
        static volatile EmbeddedMongo store;

        @Override
        public Map<String, String> start() {
            try {
                Path dir = Files.createTempDirectory("graftwatch-own-store-");
                store = EmbeddedMongo.start(dir, freePort(), dir.resolve("store.log"), Duration.ofSeconds(60));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(InfrastructureResource.MONGODB_CONNECTION_STRING, store.connectionString());
        }

        @Override
        public void stop() {
            if (store != null) {
                store.close();
            }
        }

        @Override
        public int order() {
            return 100;
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
