package org.graftwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points the service under test at the shared {@link GraftwatchInfrastructure}: Kafka
 * ({@code kafka.bootstrap.servers}) and MongoDB ({@code quarkus.mongodb.connection-string}); the service keeps
 * its own {@code quarkus.mongodb.database}. It also makes the service trust the tests' identity provider,
 * {@link TestTokens} ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer}), so tests call its
 * API with {@code given().auth().oauth2(TestTokens.clinician())}.
 * <p>
 * Use {@code @QuarkusTestResource(InfrastructureResource.class)} on one test class of the module. In Quarkus
 * 3.33 that is the recommended annotation: {@code @WithTestResource}'s own javadoc still says "we recommend not
 * using it until we improve its behavior", and {@code @QuarkusTestResource} is not deprecated. Its default
 * ({@code restrictToAnnotatedClass = false}) applies the resource to every test of the module, so Quarkus
 * starts once for all of them.
 * <p>
 * {@link #stop()} does nothing: the servers outlive the test classes and stop when the JVM exits.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String MONGODB_CONNECTION_STRING = "quarkus.mongodb.connection-string";
    public static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String JWT_ISSUER = "mp.jwt.verify.issuer";

    @Override
    public Map<String, String> start() {
        GraftwatchInfrastructure infrastructure = GraftwatchInfrastructure.get();
        return Map.of(
                KAFKA_BOOTSTRAP_SERVERS, infrastructure.bootstrapServers(),
                MONGODB_CONNECTION_STRING, infrastructure.mongoConnectionString(),
                JWT_PUBLIC_KEY_LOCATION, TestTokens.publicKeyLocation(),
                JWT_ISSUER, TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The singleton stops with the JVM: the next test class (or profile) reuses the same servers.
    }
}
