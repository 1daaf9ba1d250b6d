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
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;

/**
 * A batch of {@code tx.observations.v1} and {@code tx.case-events.v1} records (and {@code tx.findings.v1}, for a
 * detector that subscribes to it) read into contract events and grouped by patient in arrival order; a record that
 * cannot be read becomes a dead letter with the reason instead of blocking its partition. Each record is counted as processed or rejected ({@link RecordCounts}), and the
 * trace context of each patient's latest record is kept for what the batch produces ({@link RecordTrace}).
 */
public final class PatientInputs {

    /** One input of a patient: an observation, a case change or another detector's finding, with the record it came in. */
    public sealed interface Input permits Observed, CaseChanged, Concluded {
        String patientId();

        /** The record as consumed: what a dead letter carries if applying the input fails. */
        ConsumerRecord<String, String> record();
    }

    public record Observed(ObservationEvent event, ConsumerRecord<String, String> record) implements Input {
        @Override
        public String patientId() {
            return event.patientId();
        }
    }

    public record CaseChanged(CaseEvent event, ConsumerRecord<String, String> record) implements Input {
        @Override
        public String patientId() {
            return event.patientId();
        }
    }

    /** A finding on {@code tx.findings.v1}, for a detector that reads another's conclusions. */
    public record Concluded(Finding finding, ConsumerRecord<String, String> record) implements Input {
        @Override
        public String patientId() {
            return finding.patientId();
        }
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
                String patientId = input.patientId();
                if (patientId == null || patientId.isBlank()) {
                    throw new Unreadable("no-patient-id", "no patientId");
                }
                inputs.byPatient.computeIfAbsent(patientId, p -> new ArrayList<>()).add(input);
                if (traceparent != null) {
                    inputs.traceparents.put(patientId, traceparent);
                }
                RecordCounts.processed(reader, record.topic());
            } catch (RuntimeException e) {
                inputs.deadLetters.add(deadLetter(record, String.valueOf(e.getMessage()), e instanceof Unreadable u ? u.reason : "unreadable",
                        reader, now));
            }
        }
        return inputs;
    }

    /**
     * A consumed record set aside on the dead-letter topic with the reason, untouched, and counted as rejected.
     *
     * @param tag a short, fixed tag for the count, such as {@code unreadable}; never a value taken from the record
     */
    public static OutgoingRecord deadLetter(ConsumerRecord<String, String> record, String reason, String tag, String reader, Instant now) {
        DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                String.valueOf(record.value()), List.of(new DeadLetter.Problem(null, reason)), now, reader);
        RecordCounts.rejected(reader, record.topic(), tag);
        return new OutgoingRecord(record.key(), EventJson.write(letter), RecordTrace.of(record));
    }

    private static Input parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new Unreadable("empty-record", "empty record");
        }
        return switch (record.topic()) {
            case Topics.OBSERVATIONS -> new Observed(EventJson.read(record.value(), ObservationEvent.class), record);
            case Topics.CASE_EVENTS -> new CaseChanged(EventJson.read(record.value(), CaseEvent.class), record);
            case Topics.FINDINGS -> new Concluded(finding(record.value()), record);
            default -> throw new Unreadable("unexpected-topic", "unexpected topic " + record.topic());
        };
    }

    private static Finding finding(String json) {
        Finding finding = EventJson.read(json, Finding.class);
        if (finding.episodeId() == null || finding.kind() == null || finding.state() == null || finding.detector() == null) {
            throw new Unreadable("incomplete-finding", "Finding: episodeId, kind, state and detector are required");
        }
        return finding;
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
