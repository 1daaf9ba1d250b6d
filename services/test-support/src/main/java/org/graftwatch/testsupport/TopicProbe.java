package org.graftwatch.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A Kafka client for integration tests: sends records the way a ward system would, and reads a topic from the
 * beginning the way a downstream consumer would (read-committed), without a consumer group, so it never moves
 * a service's offsets and every call sees the whole topic.
 * <pre>{@code
 * try (TopicProbe probe = TopicProbe.connect()) {
 *     probe.send(Topics.WARD_LABS, "patient-7", fhirObservationJson);
 *     var alerts = probe.await(Topics.ALERTS, r -> "patient-7".equals(r.key()), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long {@link #records} may take beyond the quiet period before it gives up on a busy topic. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(60);
    private static final int SHOWN_RECORDS = 5;

    private final String bootstrapServers;
    private KafkaProducer<String, String> producer;

    public TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A probe on the shared test infrastructure (starting it if this is the first use). */
    public static TopicProbe connect() {
        return new TopicProbe(GraftwatchInfrastructure.get().bootstrapServers());
    }

    /** Sends one record and waits until every in-sync replica has it (acks=all). */
    public RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value, Map.of());
    }

    /** Sends one record with headers (a {@code traceparent}, say) and waits until every in-sync replica has it. */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer().send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("could not send a record with key " + key + " to " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending to " + topic, e);
        }
    }

    /** Waits for one record on {@code topic} that matches; see {@link #await(String, Predicate, int, Duration)}. */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                      Duration timeout) {
        return await(topic, match, 1, timeout);
    }

    /**
     * Reads {@code topic} from the beginning until at least {@code count} records match, then up to the end of
     * the topic as it is at that moment, and returns every matching record, in the order read (offset order
     * within each partition).
     *
     * @throws AssertionError if fewer than {@code count} records match within {@code timeout}, naming what it read
     */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                      int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, deadline);
            while (!partitions.isEmpty() && System.nanoTime() - deadline < 0) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    seen.add(record);
                    if (match.test(record)) {
                        matches.add(record);
                    }
                }
                if (matches.size() >= count) {
                    readToEnd(consumer, partitions, deadline, match, matches);
                    return matches;
                }
            }
            throw new AssertionError(String.format(Locale.ROOT,
                    "expected at least %d record(s) on %s matching the condition within %s, found %d among %d read%s%s",
                    count, topic, timeout, matches.size(), seen.size(),
                    partitions.isEmpty() ? " (the topic does not exist)" : "", lastOf(seen)));
        }
    }

    /**
     * Every record of {@code topic}, read from the beginning until the end is reached and no new record has come
     * for {@code quiet}: for asserting that something did <em>not</em> happen, or counting duplicates. A topic that
     * does not exist has no records.
     *
     * @throws AssertionError if the topic never goes quiet (records keep coming for a minute beyond {@code quiet})
     */
    public List<ConsumerRecord<String, String>> records(String topic, Duration quiet) {
        long deadline = System.nanoTime() + quiet.plus(CATCH_UP_LIMIT).toNanos();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, System.nanoTime() + quiet.toNanos());
            if (partitions.isEmpty()) {
                return records;
            }
            long lastArrival = System.nanoTime();
            while (System.nanoTime() - deadline < 0) {
                int before = records.size();
                consumer.poll(POLL).forEach(records::add);
                if (records.size() > before) {
                    lastArrival = System.nanoTime();
                } else if (System.nanoTime() - lastArrival >= quiet.toNanos() && atEnd(consumer, partitions)) {
                    return records;
                }
            }
            throw new AssertionError("records kept arriving on " + topic + " for longer than " + quiet.plus(CATCH_UP_LIMIT)
                    + " (" + records.size() + " read)" + lastOf(records));
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis()),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Downstream services see committed records only; so does the probe.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                // Looking at a topic must not create it (with the broker's default partition count).
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    /** Assigns every partition of {@code topic}, waiting until {@code deadline} for it to exist; empty if it never does. */
    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, String> consumer, String topic,
                                                            long deadline) {
        List<PartitionInfo> infos = List.of();
        while (infos.isEmpty()) {
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos.isEmpty()) {
                if (System.nanoTime() - deadline >= 0) {
                    return List.of();
                }
                pause();
            }
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static void readToEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, long deadline,
                                  Predicate<ConsumerRecord<String, String>> match, List<ConsumerRecord<String, String>> matches) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() - deadline < 0) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (match.test(record)) {
                    matches.add(record);
                }
            }
        }
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    private static String lastOf(List<ConsumerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; the last ones read:");
        for (ConsumerRecord<String, String> record : records.subList(Math.max(0, records.size() - SHOWN_RECORDS), records.size())) {
            String value = record.value() == null ? "null" : record.value();
            text.append(System.lineSeparator()).append("  partition ").append(record.partition())
                    .append(" offset ").append(record.offset()).append(" key ").append(record.key()).append(": ")
                    .append(value.length() > 200 ? value.substring(0, 200) + "..." : value);
        }
        return text.toString();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a topic", e);
        }
    }
}
