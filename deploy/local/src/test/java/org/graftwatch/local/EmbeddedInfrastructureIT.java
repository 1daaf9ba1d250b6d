package org.graftwatch.local;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureIT {

    @TempDir
    static Path dataDir;
    static EmbeddedInfrastructure infra;

    @BeforeAll
    static void start() {
        long begin = System.nanoTime();
        infra = EmbeddedInfrastructure.builder(dataDir).start();
        System.out.printf("started %s in %d ms%n", infra, Duration.ofNanos(System.nanoTime() - begin).toMillis());
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            long begin = System.nanoTime();
            infra.close();
            System.out.printf("stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - begin).toMillis());
        }
    }

    @Test
    void serversListenOnLoopbackOnly() {
        assertThat(infra.bootstrapServers()).isEqualTo("127.0.0.1:" + infra.kafka().port());
        assertThat(infra.mongoConnectionString()).isEqualTo("mongodb://127.0.0.1:" + infra.mongo().port());
    }

    @Test
    void everyContractTopicExistsWithThreePartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);

            assertThat(topics).containsOnlyKeys(Topics.ALL);
            assertThat(topics.values()).allSatisfy(topic -> {
                assertThat(topic.partitions()).hasSize(ContractTopics.PARTITIONS);
                assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
            });
        }
    }

    @Test
    void createMissingLeavesExistingTopicsAlone() {
        assertThat(ContractTopics.createMissing(infra.bootstrapServers(), Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void aRecordRoundTripsThroughTheBroker() throws Exception {
        BrokerClient.send(infra.bootstrapServers(), Topics.OBSERVATIONS, "patient-17", "{\"analyte\":\"ANC\",\"value\":0.4}");

        List<ConsumerRecord<String, String>> records =
                BrokerClient.read(infra.bootstrapServers(), Topics.OBSERVATIONS, 1, Duration.ofSeconds(30));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("patient-17");
            assertThat(record.value()).isEqualTo("{\"analyte\":\"ANC\",\"value\":0.4}");
        });
    }

    @Test
    void topicsAreAutoCreatedWithThreePartitions() throws Exception {
        BrokerClient.send(infra.bootstrapServers(), "scratch.auto-created", "k", "v");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of("scratch.auto-created"))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get("scratch.auto-created");
            assertThat(topic.partitions()).hasSize(3);
        }
    }

    @Test
    void aDocumentRoundTripsThroughTheStore() {
        try (MongoClient client = mongoClient(infra.mongoConnectionString())) {
            MongoCollection<Document> patients = client.getDatabase("case_registry").getCollection("patients");
            patients.insertOne(new Document("_id", "patient-17").append("dayZero", "2026-01-05"));

            assertThat(patients.find(Filters.eq("_id", "patient-17")).first())
                    .isNotNull()
                    .containsEntry("dayZero", "2026-01-05");
        }
    }

    @Test
    void changeStreamsSeeInserts() {
        try (MongoClient client = mongoClient(infra.mongoConnectionString())) {
            MongoCollection<Document> alerts = client.getDatabase("alerts").getCollection("alert_changes");
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes = alerts.watch().cursor()) {
                alerts.insertOne(new Document("_id", "alert-9").append("kind", "SEPSIS"));

                ChangeStreamDocument<Document> change = null;
                for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                     change == null && System.nanoTime() < deadline; ) {
                    change = changes.tryNext();
                }
                assertThat(change).isNotNull();
                assertThat(change.getFullDocument()).containsEntry("kind", "SEPSIS");
            }
        }
    }

    static MongoClient mongoClient(String connectionString) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    }
}
