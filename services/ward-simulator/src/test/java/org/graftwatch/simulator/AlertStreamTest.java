package org.graftwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.Test;

class AlertStreamTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.ALERTS, 0);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private long offset;

    @Test
    void collectsThePatientsRecordsByKeyOrPatientIdUntilTheStreamIsQuiet() {
        topicWith(
                record("P-1", alert("a-1", "P-1", 1)),
                record("P-2", alert("a-2", "P-2", 1)),
                record("P-1", "{\"alertId\": \"a-9\", \"kind\": \"A_KIND_FROM_THE_FUTURE\"}"),
                record("rekeyed", alert("a-3", "P-1", 1)),
                record("P-1", alert("a-1", "P-1", 2)));
        Instant start = Instant.now();

        List<AlertEvent> alerts = new AlertStream(consumer).collect("P-1", Duration.ofMillis(300), Duration.ofSeconds(20));

        assertThat(alerts).extracting(a -> a.alertId() + "#" + a.revision()).containsExactly("a-1#1", "a-3#1", "a-1#2");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(consumer.subscription()).isEmpty();
        assertThat(consumer.assignment()).containsExactly(PARTITION);
    }

    @Test
    void anAlertsTopicThatDoesNotExistYetMeansNothingWasRaised() {
        List<AlertEvent> alerts = new AlertStream(consumer).collect("P-1", Duration.ofMillis(300), Duration.ofSeconds(20));

        assertThat(alerts).isEmpty();
    }

    @Test
    void followHandsOverEveryPatientsAlertsOncePerRevisionUntilStopped() {
        topicWith(
                record("P-1", alert("a-1", "P-1", 1)),
                record("P-2", alert("a-2", "P-2", 1)),
                record("P-1", alert("a-1", "P-1", 1)),
                record("P-1", alert("a-1", "P-1", 2)));
        AlertStream stream = new AlertStream(consumer);
        consumer.schedulePollTask(stream::stop);
        List<String> seen = new ArrayList<>();

        stream.follow(alert -> seen.add(alert.patientId() + " " + alert.alertId() + "#" + alert.revision()));

        assertThat(seen).containsExactly("P-1 a-1#1", "P-2 a-2#1", "P-1 a-1#2");
    }

    @SafeVarargs
    private void topicWith(ConsumerRecord<String, String>... records) {
        consumer.updatePartitions(Topics.ALERTS, List.of(new PartitionInfo(Topics.ALERTS, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) records.length));
        // Records can only be added once the stream has assigned the partition, i.e. on its first poll.
        consumer.schedulePollTask(() -> List.of(records).forEach(consumer::addRecord));
    }

    private ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>(Topics.ALERTS, 0, offset++, key, value);
    }

    private static String alert(String alertId, String patientId, long revision) {
        Instant at = Instant.parse("2025-03-16T08:00:00Z");
        return EventJson.write(new AlertEvent(alertId, patientId, "C-" + patientId, AlertKind.SEPSIS, Severity.CRITICAL,
                AlertStatus.OPEN, at, at, 5, new RuleRef("sepsis", "1"), "Sepsis", List.of(), null, revision, at));
    }
}
