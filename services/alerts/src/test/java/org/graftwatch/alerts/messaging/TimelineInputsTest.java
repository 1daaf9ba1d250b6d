package org.graftwatch.alerts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.alerts.persistence.PatientTimelineDocument;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.Test;

class TimelineInputsTest {
    private static final Instant AT = Instant.parse("2025-03-20T06:00:00Z");
    private long offset;

    private ConsumerRecord<String, String> record(String topic, String key, Object value) {
        return new ConsumerRecord<>(topic, 0, offset++, key, value instanceof String s ? s : EventJson.write(value));
    }

    private static ObservationEvent observation(String patientId, Analyte analyte, Instant effectiveAt) {
        return new ObservationEvent("ev-" + patientId, ObservationEvent.Type.RESULT, patientId, "obs-" + patientId, "lab", "final",
                analyte, analyte.code(), effectiveAt, 0.4, analyte.canonicalUnit(), null, null, List.of(), AT);
    }

    private static Finding finding(String patientId, AlertKind kind, Instant onset) {
        return new Finding("ep-" + patientId, patientId, null, kind, Severity.WARNING, Finding.State.ACTIVE, onset, 20,
                new RuleRef("r", "1"), "MAGIC grade II", List.of(), null, AT, "surveillance");
    }

    private static DeadLetter letter(TimelineInputs inputs, int index) {
        return EventJson.read(inputs.deadLetters().get(index).value(), DeadLetter.class);
    }

    @Test
    void plottedObservationsCaseEventsAndGvhdFindingsAreGroupedByPatientInArrivalOrder() {
        CaseEvent caseEvent = new CaseEvent("ce-1", CaseEvent.Type.HSCT_RECORDED, "P-1", "CASE-P-1", 2, AT,
                new CaseEvent.CaseSnapshot(new CaseEvent.Patient("P-1", null, null, null, "BMT-1"), List.of(new CaseEvent.Treatment("T-1",
                        CaseEvent.TreatmentType.HSCT, LocalDate.of(2025, 3, 3), null, null, null, null, null, null))));
        TimelineInputs inputs = TimelineInputs.read(List.of(
                record(Topics.OBSERVATIONS, "P-1", observation("P-1", Analyte.ANC, AT)),
                record(Topics.CASE_EVENTS, "P-1", caseEvent),
                record(Topics.OBSERVATIONS, "P-2", observation("P-2", Analyte.CRP, AT)),
                record(Topics.FINDINGS, "P-2", finding("P-2", AlertKind.SEPSIS, AT)),
                record(Topics.FINDINGS, "P-3", finding("P-3", AlertKind.GVHD_ONSET, AT))), AT);
        assertThat(inputs.deadLetters()).isEmpty();
        assertThat(inputs.byPatient().keySet()).as("CRP and sepsis are not plotted").containsExactly("P-1", "P-3");
        PatientTimelineDocument p1 = new PatientTimelineDocument("P-1");
        inputs.byPatient().get("P-1").forEach(i -> assertThat(i.applyTo(p1, 10)).isTrue());
        assertThat(p1.series).hasSize(1);
        assertThat(p1.treatments).hasSize(1);
    }

    @Test
    void whatTheTimelineCannotReadOrUseIsADeadLetterWithTheReason() {
        TimelineInputs inputs = TimelineInputs.read(List.of(
                record(Topics.OBSERVATIONS, "P-1", "not json"),
                record(Topics.OBSERVATIONS, "P-1", observation("P-1", Analyte.PLATELETS, null)),
                record(Topics.FINDINGS, "P-2", finding("P-2", AlertKind.GVHD_FLARE, null)),
                record(Topics.CASE_EVENTS, "P-3", "{\"patientId\":\"P-3\",\"version\":1}"),
                record(Topics.OBSERVATIONS, "P-4", observation("P-4", Analyte.ANC, AT))), AT);
        assertThat(inputs.byPatient().keySet()).containsExactly("P-4");
        assertThat(inputs.deadLetters()).hasSize(4);
        assertThat(inputs.deadLetters()).extracting(r -> r.key()).containsExactly("P-1", "P-1", "P-2", "P-3");
        assertThat(letter(inputs, 0).problems().get(0).message()).startsWith("ObservationEvent");
        assertThat(letter(inputs, 0).payload()).isEqualTo("not json");
        assertThat(letter(inputs, 0).rejectedBy()).isEqualTo(TimelineInputs.READER);
        assertThat(letter(inputs, 1).problems().get(0).message()).isEqualTo("effectiveAt is required for the patient timeline");
        assertThat(letter(inputs, 1).offset()).isEqualTo(1);
        assertThat(letter(inputs, 2).problems().get(0).message()).isEqualTo("onsetAt is required for the patient timeline");
        assertThat(letter(inputs, 3).problems().get(0).message()).isEqualTo("snapshot is required for the patient timeline");
        assertThat(letter(inputs, 3).sourceTopic()).isEqualTo(Topics.CASE_EVENTS);
    }
}
