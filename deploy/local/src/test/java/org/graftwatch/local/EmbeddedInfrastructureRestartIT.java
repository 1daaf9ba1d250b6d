package org.graftwatch.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack is stopped and started again on the same data: nothing may be lost in between. */
class EmbeddedInfrastructureRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void recordsAndDocumentsSurviveARestartOnTheSameDataDirectory() throws Exception {
        EmbeddedInfrastructure.Builder builder;
        try (EmbeddedInfrastructure first = EmbeddedInfrastructure.builder(dataDir).start()) {
            BrokerClient.send(first.bootstrapServers(), Topics.CASE_EVENTS, "patient-3", "registered");
            try (MongoClient client = EmbeddedInfrastructureIT.mongoClient(first.mongoConnectionString())) {
                client.getDatabase("alerts").getCollection("alerts")
                        .insertOne(new Document("_id", "alert-1").append("status", "OPEN"));
            }
            // The same ports as the local stack would use after a restart.
            builder = EmbeddedInfrastructure.builder(dataDir)
                    .kafkaPort(first.kafka().port())
                    .controllerPort(first.kafka().controllerPort())
                    .mongoPort(first.mongo().port());
        }

        long begin = System.nanoTime();
        try (EmbeddedInfrastructure second = builder.start()) {
            System.out.printf("restarted on existing data in %d ms%n", Duration.ofNanos(System.nanoTime() - begin).toMillis());

            assertThat(BrokerClient.read(second.bootstrapServers(), Topics.CASE_EVENTS, 1, Duration.ofSeconds(30)))
                    .singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo("registered"));
            try (MongoClient client = EmbeddedInfrastructureIT.mongoClient(second.mongoConnectionString())) {
                assertThat(client.getDatabase("alerts").getCollection("alerts").find(Filters.eq("_id", "alert-1")).first())
                        .isNotNull()
                        .containsEntry("status", "OPEN");
            }
        }
    }

    @Test
    void aKilledBrokerAndAStoppedStoreComeBackOnTheirPortsWithTheirData() throws Exception {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.builder(dataDir).start();
        try {
            BrokerClient.send(infra.bootstrapServers(), Topics.CASE_EVENTS, "patient-3", "before the crash");
            try (MongoClient client = EmbeddedInfrastructureIT.mongoClient(infra.mongoConnectionString())) {
                client.getDatabase("alerts").getCollection("alerts").insertOne(new Document("_id", "alert-1"));
            }

            infra.kafka().kill();
            assertThat(infra.kafka().isAlive()).isFalse();
            long begin = System.nanoTime();
            infra.kafka().restart(Duration.ofSeconds(60));
            System.out.printf("broker back after SIGKILL in %d ms%n", Duration.ofNanos(System.nanoTime() - begin).toMillis());
            BrokerClient.send(infra.bootstrapServers(), Topics.CASE_EVENTS, "patient-3", "after the crash");
            assertThat(BrokerClient.read(infra.bootstrapServers(), Topics.CASE_EVENTS, 2, Duration.ofSeconds(30)))
                    .extracting(record -> record.value())
                    .containsExactly("before the crash", "after the crash");
            assertThat(infra.dataDir().resolve("logs/kafka.log.1")).as("the log of the killed run").exists();

            infra.mongo().stop(Duration.ofSeconds(20));
            assertThat(infra.mongo().isAlive()).isFalse();
            infra.mongo().restart(Duration.ofSeconds(60));
            try (MongoClient client = EmbeddedInfrastructureIT.mongoClient(infra.mongoConnectionString())) {
                assertThat(client.getDatabase("alerts").getCollection("alerts").find(Filters.eq("_id", "alert-1")).first())
                        .isNotNull();
            }
        } finally {
            infra.close();
        }
        assertThat(infra.kafka().isAlive()).as("close() stops the restarted broker").isFalse();
        assertThat(infra.mongo().isAlive()).as("close() stops the restarted store").isFalse();
    }
}
