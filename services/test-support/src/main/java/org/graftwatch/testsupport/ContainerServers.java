package org.graftwatch.testsupport;

import org.graftwatch.local.ContractTopics;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.time.Duration;

/** Kafka and MongoDB in Docker, for machines where Docker answers (developers' laptops, CI with Docker). */
final class ContainerServers implements GraftwatchInfrastructure.RunningServers {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    static final String MONGO_IMAGE = "mongo:7.0";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerServers(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static ContainerServers start() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(ContractTopics.PARTITIONS))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        // A replica set, as in production: change streams and transactions behave as they do there.
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
        try {
            mongo.start();
            kafka.start();
            ContractTopics.createMissing(kafka.getBootstrapServers(), Duration.ofSeconds(60));
            return new ContainerServers(kafka, mongo);
        } catch (RuntimeException e) {
            kafka.stop();
            mongo.stop();
            throw new IllegalStateException("the Testcontainers backend failed to start (set -D"
                    + GraftwatchInfrastructure.MODE_PROPERTY + "=embedded to use the embedded servers): " + e.getMessage(), e);
        }
    }

    @Override
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    /** A single host without a replicaSet option: the driver connects directly, past the container's host name. */
    @Override
    public String mongoConnectionString() {
        return mongo.getConnectionString();
    }

    @Override
    public void close() {
        kafka.stop();
        mongo.stop();
    }
}
