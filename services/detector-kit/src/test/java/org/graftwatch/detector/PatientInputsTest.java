package org.graftwatch.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatientInputsTest {
    private static final Instant NOW = Instant.parse("2025-03-20T08:00:00Z");
    private static final String TRACE_A = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String TRACE_B = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private long offset;

    @BeforeEach
    void countIntoATestRegistry() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void removeTheTestRegistry() {
        Metrics.removeRegistry(registry);
    }

    private ConsumerRecord<String, String> record(String topic, String key, String value, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(RecordTrace.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(topic, 0, offset++, 0L, TimestampType.CREATE_TIME, 0, 0, key, value, headers,
                java.util.Optional.empty());
    }

    private static String anc(String patientId, String id) {
        return EventJson.write(new ObservationEvent(ObservationEvent.eventIdFor("lab", id, "0.5"), ObservationEvent.Type.RESULT,
                patientId, id, "lab", "final", Analyte.ANC, Analyte.ANC.code(), NOW, 0.5, "10*9/L", null, null, null, NOW));
    }

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPatientsFindingsContinueTheTraceOfItsLatestTracedRecord() {
        PatientInputs inputs = PatientInputs.read(List.of(
                record(Topics.OBSERVATIONS, "P-1", anc("P-1", "a"), TRACE_A),
                record(Topics.OBSERVATIONS, "P-1", anc("P-1", "b"), TRACE_B),
                record(Topics.OBSERVATIONS, "P-1", anc("P-1", "c"), null),
                record(Topics.OBSERVATIONS, "P-2", anc("P-2", "a"), null)), "graft-monitor", NOW);

        assertThat(inputs.traceparentOf("P-1")).isEqualTo(TRACE_B);
        assertThat(inputs.traceparentOf("P-2")).isNull();
    }

    @Test
    void everyRecordIsCountedProcessedOrRejectedWithItsReasonAndADeadLetterKeepsItsTrace() {
        PatientInputs inputs = PatientInputs.read(List.of(
                record(Topics.OBSERVATIONS, "P-1", anc("P-1", "a"), null),
                record(Topics.OBSERVATIONS, "P-1", "{not json", TRACE_A),
                record(Topics.OBSERVATIONS, "P-3", null, null),
                record(Topics.OBSERVATIONS, "P-4", anc("", "a"), null),
                record(Topics.ALERTS, "P-5", anc("P-5", "a"), null)), "surveillance", NOW);

        assertThat(count(RecordCounts.PROCESSED, "service", "surveillance", "topic", Topics.OBSERVATIONS)).isEqualTo(1);
        assertThat(count(RecordCounts.REJECTED, "service", "surveillance", "topic", Topics.OBSERVATIONS, "reason", "unreadable")).isEqualTo(1);
        assertThat(count(RecordCounts.REJECTED, "service", "surveillance", "topic", Topics.OBSERVATIONS, "reason", "empty-record")).isEqualTo(1);
        assertThat(count(RecordCounts.REJECTED, "service", "surveillance", "topic", Topics.OBSERVATIONS, "reason", "no-patient-id")).isEqualTo(1);
        assertThat(count(RecordCounts.REJECTED, "service", "surveillance", "topic", Topics.ALERTS, "reason", "unexpected-topic")).isEqualTo(1);
        assertThat(inputs.deadLetters()).hasSize(4);
        assertThat(inputs.deadLetters().get(0).traceparent()).as("the unreadable record's own trace").isEqualTo(TRACE_A);
        assertThat(inputs.deadLetters().get(1).traceparent()).isNull();
    }
}
