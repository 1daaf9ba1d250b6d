package org.graftwatch.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.graftwatch.contract.Topics;
import org.graftwatch.contract.Traceparent;

/**
 * One observation followed through the running platform by the W3C trace context of its Kafka records: a ward system
 * sends a neutropenic count, then a fever reading with its own {@code traceparent}; the fever completes febrile
 * neutropenia, so its trace id must be the one of the observation ingest publishes, of the finding surveillance
 * publishes and of the alert the alerts service publishes, and not the count's.
 */
final class TraceAcrossStack {
    private static final Duration WAIT = Duration.ofSeconds(120);

    private TraceAcrossStack() {
    }

    static void verify(String bootstrapServers) throws Exception {
        String patientId = "P-TRACE-" + UUID.randomUUID().toString().substring(0, 8);
        Instant taken = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        String countTrace = Traceparent.random();
        String feverTrace = Traceparent.random();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            send(producer, Topics.WARD_LABS, patientId, observation(patientId, "anc-1", "751-8", taken, 0.2, "10*9/L"), countTrace);
            // the count first, alone: what the fever reading then raises is the fever's doing
            await(bootstrapServers, Topics.OBSERVATIONS, patientId);
            send(producer, Topics.WARD_VITALS, patientId,
                    observation(patientId, "temp-1", "8310-5", taken.plus(2, ChronoUnit.HOURS), 38.9, "Cel"), feverTrace);
        }
        String feverTraceId = Traceparent.traceId(feverTrace);
        for (String topic : List.of(Topics.OBSERVATIONS, Topics.FINDINGS, Topics.ALERTS)) {
            List<String> traceIds = await(bootstrapServers, topic, patientId).stream().map(Traceparent::traceId).toList();
            assertThat(traceIds).as("trace ids on %s", topic).contains(feverTraceId);
        }
        List<String> alertTraces = await(bootstrapServers, Topics.ALERTS, patientId).stream().map(Traceparent::traceId).toList();
        assertThat(alertTraces).as("the alert continues the fever's trace, not the count's").containsOnly(feverTraceId);
    }

    private static String observation(String patientId, String id, String loinc, Instant at, double value, String unit) {
        return """
                {"resourceType":"Observation","id":"%s","status":"final","subject":{"reference":"Patient/%s"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},"effectiveDateTime":"%s",
                 "valueQuantity":{"value":%s,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}"""
                .formatted(id, patientId, loinc, at, value, unit, unit);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value, String traceparent)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(Traceparent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    /** The {@code traceparent} headers of every record of {@code key} on {@code topic}, once there is at least one. */
    private static List<String> await(String bootstrapServers, String topic, String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> found = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        Header header = record.headers().lastHeader(Traceparent.HEADER);
                        assertThat(header).as("traceparent on %s record of %s", topic, key).isNotNull();
                        found.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                if (!found.isEmpty() && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    return found;
                }
            }
            throw new AssertionError("no record of " + key + " on " + topic + " within " + WAIT);
        }
    }

}
