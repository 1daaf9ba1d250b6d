package org.graftwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The resource as services use it: the application under test sees the shared servers in its configuration. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class InfrastructureResourceIT {

    @Test
    void theApplicationIsConfiguredWithTheSharedServers() {
        var config = ConfigProvider.getConfig();
        GraftwatchInfrastructure infrastructure = GraftwatchInfrastructure.get();

        assertThat(config.getValue("kafka.bootstrap.servers", String.class)).isEqualTo(infrastructure.bootstrapServers());
        assertThat(config.getValue("quarkus.mongodb.connection-string", String.class))
                .isEqualTo(infrastructure.mongoConnectionString());
    }

    @Test
    void theApplicationTrustsTheTestTokens() {
        var config = ConfigProvider.getConfig();

        assertThat(config.getValue("mp.jwt.verify.issuer", String.class)).isEqualTo(TestTokens.ISSUER);
        assertThat(config.getValue("mp.jwt.verify.publickey.location", String.class)).isEqualTo(TestTokens.publicKeyLocation());
    }

    @Test
    void oneBrokerServesTheWholeJvmWhateverClassLoaderAsks() {
        GraftwatchInfrastructure.get();

        long brokers = ProcessHandle.current().descendants()
                .filter(process -> process.info().arguments().map(args -> java.util.List.of(args).contains("kafka.Kafka")).orElse(false))
                .count();
        assertThat(brokers).isLessThanOrEqualTo(1);
    }
}
