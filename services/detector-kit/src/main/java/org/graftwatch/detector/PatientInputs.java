package org.graftwatch.detector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;

/**
 * A batch of {@code tx.observations.v1} and {@code tx.case-events.v1} records read into contract events and
 * grouped by patient in arrival order; a record that cannot be read becomes a dead letter with the reason
 * instead of blocking its partition. Each record is counted as processed or rejected ({@link RecordCounts}), and the
 * trace context of each patient's latest record is kept for what the batch produces ({@link RecordTrace}).
 */
public final class PatientInputs {

    /** One input of a patient: an observation or a case change. */
    public sealed interface Input permits Observed, CaseChanged {
    }

    public record Observed(ObservationEvent event) implements Input {
    }

    public record CaseChanged(CaseEvent event) implements Input {
    }

    private final Map<String, List<Input>> byPatient = new LinkedHashMap<>();
    private final Map<String, String> traceparents = new HashMap<>();
    private final List<OutgoingRecord> deadLetters = new ArrayList<>();

    /** Why a record cannot be read; {@code reason} is the tag it is counted under. */
    private static final class Unreadable extends IllegalArgumentException {
        final String reason;

        Unreadable(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private PatientInputs() {
    }

    public static PatientInputs read(List<ConsumerRecord<String, String>> records, String reader, Instant now) {
        PatientInputs inputs = new PatientInputs();
        for (ConsumerRecord<String, String> record : records) {
            String traceparent = RecordTrace.of(record);
            try {
                Input input = parse(record);
                String patientId = input instanceof Observed o ? o.event().patientId() : ((CaseChanged) input).event().patientId();
                if (patientId == null || patientId.isBlank()) {
                    throw new Unreadable("no-patient-id", "no patientId");
                }
                inputs.byPatient.computeIfAbsent(patientId, p -> new ArrayList<>()).add(input);
                if (traceparent != null) {
                    inputs.traceparents.put(patientId, traceparent);
                }
                RecordCounts.processed(reader, record.topic());
            } catch (RuntimeException e) {
                DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        String.valueOf(record.value()), List.of(new DeadLetter.Problem(null, String.valueOf(e.getMessage()))), now, reader);
                inputs.deadLetters.add(new OutgoingRecord(record.key(), EventJson.write(letter), traceparent));
                RecordCounts.rejected(reader, record.topic(), e instanceof Unreadable u ? u.reason : "unreadable");
            }
        }
        return inputs;
    }

    private static Input parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new Unreadable("empty-record", "empty record");
        }
        return switch (record.topic()) {
            case Topics.OBSERVATIONS -> new Observed(EventJson.read(record.value(), ObservationEvent.class));
            case Topics.CASE_EVENTS -> new CaseChanged(EventJson.read(record.value(), CaseEvent.class));
            default -> throw new Unreadable("unexpected-topic", "unexpected topic " + record.topic());
        };
    }

    public Map<String, List<Input>> byPatient() {
        return byPatient;
    }

    public List<OutgoingRecord> deadLetters() {
        return deadLetters;
    }

    /**
     * The {@code traceparent} of the patient's latest record in this batch that had one: what a finding from
     * re-assessing the patient continues (null: none of the records was traced).
     */
    public String traceparentOf(String patientId) {
        return traceparents.get(patientId);
    }
}
