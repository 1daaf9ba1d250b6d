package org.graftwatch.alerts.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.alerts.domain.GvhdGrade;
import org.graftwatch.alerts.persistence.PatientTimelineDocument;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.detector.OutgoingRecord;

/**
 * A batch of the timeline's inputs read into contract events, checked for what the timeline needs and grouped by
 * patient in arrival order. Records the timeline does not plot (other analytes, other findings) are passed over; one
 * it plots but cannot read or use becomes a dead letter with the reason instead of stopping its partition.
 */
public final class TimelineInputs {
    /** Who the dead letters name as having rejected the record (the alert lifecycle dead-letters as {@code alerts}). */
    public static final String READER = "alerts-timeline";

    /** One input, applied to its patient's timeline; returns whether the timeline changed. */
    public interface Input {
        boolean applyTo(PatientTimelineDocument timeline, int maxPoints);
    }

    private record Observed(ObservationEvent event) implements Input {
        @Override
        public boolean applyTo(PatientTimelineDocument timeline, int maxPoints) {
            return timeline.apply(event, maxPoints);
        }
    }

    private record CaseChanged(CaseEvent event) implements Input {
        @Override
        public boolean applyTo(PatientTimelineDocument timeline, int maxPoints) {
            return timeline.apply(event);
        }
    }

    private record GvhdFound(Finding finding) implements Input {
        @Override
        public boolean applyTo(PatientTimelineDocument timeline, int maxPoints) {
            return timeline.apply(finding, maxPoints);
        }
    }

    private final Map<String, List<Input>> byPatient = new LinkedHashMap<>();
    private final List<OutgoingRecord> deadLetters = new ArrayList<>();

    private TimelineInputs() {
    }

    public static TimelineInputs read(List<ConsumerRecord<String, String>> records, Instant now) {
        TimelineInputs inputs = new TimelineInputs();
        for (ConsumerRecord<String, String> record : records) {
            try {
                if (record.value() == null) {
                    throw new IllegalArgumentException("empty record");
                }
                switch (record.topic()) {
                    case Topics.OBSERVATIONS -> {
                        ObservationEvent event = EventJson.read(record.value(), ObservationEvent.class);
                        if (PatientTimelineDocument.plots(event)) {
                            inputs.add(checked(event), new Observed(event));
                        }
                    }
                    case Topics.CASE_EVENTS -> {
                        CaseEvent event = EventJson.read(record.value(), CaseEvent.class);
                        inputs.add(checked(event), new CaseChanged(event));
                    }
                    case Topics.FINDINGS -> {
                        Finding finding = EventJson.read(record.value(), Finding.class);
                        if (GvhdGrade.KINDS.contains(finding.kind())) {
                            inputs.add(checked(finding), new GvhdFound(finding));
                        }
                    }
                    default -> throw new IllegalArgumentException("unexpected topic " + record.topic());
                }
            } catch (RuntimeException e) {
                DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        String.valueOf(record.value()), List.of(new DeadLetter.Problem(null, String.valueOf(e.getMessage()))), now, READER);
                inputs.deadLetters.add(new OutgoingRecord(record.key(), EventJson.write(letter)));
            }
        }
        return inputs;
    }

    private static String checked(ObservationEvent event) {
        require(event.observationId(), "observationId");
        require(event.type(), "type");
        if (event.type() == ObservationEvent.Type.RESULT) {
            require(event.eventId(), "eventId");
            require(event.effectiveAt(), "effectiveAt");
        }
        return require(event.patientId(), "patientId");
    }

    private static String checked(CaseEvent event) {
        require(event.snapshot(), "snapshot");
        for (CaseEvent.Treatment treatment : event.snapshot().treatments()) {
            require(treatment.type(), "snapshot.treatments.type");
            require(treatment.date(), "snapshot.treatments.date");
        }
        return require(event.patientId(), "patientId");
    }

    private static String checked(Finding finding) {
        require(finding.episodeId(), "episodeId");
        require(finding.state(), "state");
        require(finding.onsetAt(), "onsetAt");
        return require(finding.patientId(), "patientId");
    }

    private static <T> T require(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(field + " is required for the patient timeline");
        }
        return value;
    }

    private void add(String patientId, Input input) {
        byPatient.computeIfAbsent(patientId, p -> new ArrayList<>()).add(input);
    }

    public Map<String, List<Input>> byPatient() {
        return byPatient;
    }

    public List<OutgoingRecord> deadLetters() {
        return deadLetters;
    }
}
