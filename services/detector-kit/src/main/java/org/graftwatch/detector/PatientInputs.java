package org.graftwatch.detector;

import java.time.Instant;
import java.util.ArrayList;
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
 * instead of blocking its partition.
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
    private final List<OutgoingRecord> deadLetters = new ArrayList<>();

    private PatientInputs() {
    }

    public static PatientInputs read(List<ConsumerRecord<String, String>> records, String reader, Instant now) {
        PatientInputs inputs = new PatientInputs();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Input input = parse(record);
                String patientId = input instanceof Observed o ? o.event().patientId() : ((CaseChanged) input).event().patientId();
                if (patientId == null || patientId.isBlank()) {
                    throw new IllegalArgumentException("no patientId");
                }
                inputs.byPatient.computeIfAbsent(patientId, p -> new ArrayList<>()).add(input);
            } catch (RuntimeException e) {
                DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        String.valueOf(record.value()), List.of(new DeadLetter.Problem(null, String.valueOf(e.getMessage()))), now, reader);
                inputs.deadLetters.add(new OutgoingRecord(record.key(), EventJson.write(letter)));
            }
        }
        return inputs;
    }

    private static Input parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new IllegalArgumentException("empty record");
        }
        return switch (record.topic()) {
            case Topics.OBSERVATIONS -> new Observed(EventJson.read(record.value(), ObservationEvent.class));
            case Topics.CASE_EVENTS -> new CaseChanged(EventJson.read(record.value(), CaseEvent.class));
            default -> throw new IllegalArgumentException("unexpected topic " + record.topic());
        };
    }

    public Map<String, List<Input>> byPatient() {
        return byPatient;
    }

    public List<OutgoingRecord> deadLetters() {
        return deadLetters;
    }
}
