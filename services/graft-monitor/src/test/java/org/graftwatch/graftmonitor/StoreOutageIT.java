package org.graftwatch.graftmonitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
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
import org.graftwatch.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the store: this test gives the service a MongoDB store of its own (a child JVM on a free port,
 * never the shared test infrastructure), stops it, and watches readiness go DOWN while liveness stays UP — a store
 * outage must take the pod out of service, not restart it.
 */
@QuarkusTest
@TestProfile(StoreOutageIT.OwnStore.class)
class StoreOutageIT {

    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnStoreResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // the ping of the readiness check fails after this long instead of the driver's 30 s
            return Map.of("quarkus.mongodb.server-selection-timeout", "2s");
        }
    }

    /** Starts after the shared resource (higher order), so its connection string is the one the service uses. */
    public static class OwnStoreResource implements QuarkusTestResourceLifecycleManager {
        static EmbeddedMongo store;

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
            store.close();
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

    @Test
    void readinessGoesDownWhenTheStoreStopsWhileLivenessStaysUp() throws InterruptedException {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        OwnStoreResource.store.stop(Duration.ofSeconds(10));

        JsonPath ready = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().get("/q/health/ready");
            if (response.statusCode() == 503) {
                ready = response.jsonPath();
                break;
            }
            Thread.sleep(500);
        }
        assertThat(ready).as("readiness DOWN within a minute of the store stopping").isNotNull();
        assertThat(ready.getString("status")).isEqualTo("DOWN");
        assertThat(ready.getString("checks.find { it.name == 'MongoDB connection health check' }.status")).isEqualTo("DOWN");
        assertThat(ready.getString("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status"))
                .as("the broker still answers").isEqualTo("UP");
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
