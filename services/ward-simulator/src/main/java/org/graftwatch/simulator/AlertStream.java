package org.graftwatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code tx.alerts.v1} from the beginning, as a clinicians' system would. The partitions are assigned, not
 * subscribed (no consumer group): nothing is committed, so every run sees the whole topic.
 */
public final class AlertStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Consumer<String, String> consumer;
    private volatile boolean stopped;

    public AlertStream(Consumer<String, String> consumer) {
        this.consumer = consumer;
    }

    public static AlertStream connect(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ward-simulator-alerts");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Alerts published in aborted transactions never happened.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Looking for the topic must not create it with broker defaults before the alerts service does.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new AlertStream(new KafkaConsumer<>(config));
    }

    /**
     * The alert records of one patient (by record key or {@code patientId}), every revision, in arrival order.
     * Reads until the stream is quiet: caught up with the topic and no new record of the patient for {@code quiet};
     * at most for {@code timeout}.
     *
     * @throws ReplayException when the broker never answered
     */
    public List<AlertEvent> collect(String patientId, Duration quiet, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastNews = Instant.now();
        boolean brokerAnswered = false;
        List<AlertEvent> alerts = new ArrayList<>();
        try {
            while (!stopped && Instant.now().isBefore(deadline)) {
                if (consumer.assignment().isEmpty()) {
                    brokerAnswered |= assignFromBeginning();
                } else {
                    brokerAnswered = true;
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        Optional<AlertEvent> alert = read(record);
                        if (alert.isPresent() && (patientId.equals(record.key()) || patientId.equals(alert.get().patientId()))) {
                            alerts.add(alert.get());
                            lastNews = Instant.now();
                        }
                    }
                }
                if (brokerAnswered && Duration.between(lastNews, Instant.now()).compareTo(quiet) >= 0 && caughtUp()) {
                    break;
                }
            }
        } catch (WakeupException e) {
            // stop() was called: what was read so far is the answer
        }
        if (!brokerAnswered) {
            throw new ReplayException("no Kafka broker answered within " + timeout.toSeconds() + " s");
        }
        if (consumer.assignment().isEmpty()) {
            LOG.warn("{} does not exist yet: no alert has been published", Topics.ALERTS);
        }
        return alerts;
    }

    /**
     * Hands every alert record of every patient to {@code sink}, from the beginning of the topic, until
     * {@link #stop()}. A record seen before (same alertId and revision, i.e. a redelivery) is handed over once.
     */
    public void follow(java.util.function.Consumer<AlertEvent> sink) {
        Set<String> seen = new HashSet<>();
        try {
            while (!stopped) {
                if (consumer.assignment().isEmpty()) {
                    assignFromBeginning();
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    read(record).filter(alert -> seen.add(alert.alertId() + "#" + alert.revision())).ifPresent(sink);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        }
    }

    /** Ends {@link #collect} or {@link #follow} from another thread (a shutdown hook). */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** @return whether the broker answered (the topic may still not exist: then nothing is assigned yet) */
    private boolean assignFromBeginning() {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(Topics.ALERTS, POLL);
        } catch (TimeoutException e) {
            return false;
        }
        if (partitions == null || partitions.isEmpty()) {
            pause();
            return true;
        }
        List<TopicPartition> assignment = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(assignment);
        consumer.seekToBeginning(assignment);
        return true;
    }

    /**
     * Whether every partition has been read to its end. The lag comes with the fetch responses: asking the broker
     * for end offsets instead would queue behind the consumer's own long-poll fetch on the same connection.
     */
    private boolean caughtUp() {
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<AlertEvent> read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.read(record.value(), AlertEvent.class));
        } catch (EventJson.MalformedEventException e) {
            // A kind added to the contract after this build, or a broken record: neither may stop the check.
            LOG.warn("skipped unreadable alert record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
