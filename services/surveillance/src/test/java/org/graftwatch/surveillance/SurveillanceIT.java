package org.graftwatch.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.surveillance.domain.AcuteGvhd;
import org.graftwatch.surveillance.domain.Sepsis;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Surveillance through the real broker and store: febrile neutropenia with the ANC arriving after the fever, the
 * course fever → febrile neutropenia → sepsis → septic shock with the decisive lactate arriving late and in separate
 * batches, and GVHD onset then flare after a transplant.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class SurveillanceIT {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static String reading(String patientId, String id, Analyte analyte, String time, double value) {
        return EventJson.write(new ObservationEvent(ObservationEvent.eventIdFor("ward", id, String.valueOf(value)),
                ObservationEvent.Type.RESULT, patientId, id, "ward", "final", analyte, analyte.code(), Instant.parse(time), value,
                analyte.canonicalUnit(), null, null, null, Instant.now()));
    }

    @Test
    void sustainedFeverWithNeutropeniaIsOneCriticalFinding() {
        String patientId = "P-SV-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "t-1", Analyte.BODY_TEMPERATURE, "2025-06-08T09:00:00Z", 38.0));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "t-2", Analyte.BODY_TEMPERATURE, "2025-06-08T10:00:00Z", 38.1));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "t-3", Analyte.BODY_TEMPERATURE, "2025-06-08T12:00:00Z", 38.6));
            // the morning count is reported late
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "anc-1", Analyte.ANC, "2025-06-08T06:00:00Z", 0.02));

            var records = probe.await(Topics.FINDINGS, r -> patientId.equals(r.key()), WAIT);
            ContractSchemas.assertConforms(Topics.FINDINGS, records.get(0).value());
            Finding finding = EventJson.read(records.get(0).value(), Finding.class);
            assertThat(finding.kind()).isEqualTo(AlertKind.FEBRILE_NEUTROPENIA);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.onsetAt()).isEqualTo(Instant.parse("2025-06-08T10:00:00Z"));
            assertThat(finding.evidence()).extracting(e -> e.observationId()).containsExactly("t-1", "t-2", "anc-1");

            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "t-2", Analyte.BODY_TEMPERATURE, "2025-06-08T10:00:00Z", 38.1));
            assertThat(probe.records(Topics.FINDINGS, Duration.ofSeconds(4)).stream().filter(r -> patientId.equals(r.key()))).hasSize(1);
        }
    }

    private static String flag(String patientId, String id, Analyte analyte, String time, boolean value) {
        return EventJson.write(new ObservationEvent(ObservationEvent.eventIdFor("ward", id, String.valueOf(value)),
                ObservationEvent.Type.RESULT, patientId, id, "ward", "final", analyte, analyte.code(), Instant.parse(time), null,
                null, value, null, null, Instant.now()));
    }

    private static String consciousness(String patientId, String id, String time, String acvpu) {
        return EventJson.write(new ObservationEvent(ObservationEvent.eventIdFor("ward", id, acvpu), ObservationEvent.Type.RESULT,
                patientId, id, "ward", "final", Analyte.CONSCIOUSNESS, Analyte.CONSCIOUSNESS.code(), Instant.parse(time), null, null,
                null, acvpu, null, Instant.now()));
    }

    private static String transplant(String patientId, LocalDate dayZero) {
        var hsct = new CaseEvent.Treatment("HSCT-" + dayZero, CaseEvent.TreatmentType.HSCT, dayZero, "myeloablative",
                List.of(new CaseEvent.GraftSource("PBSC-U", CaseEvent.GraftKind.PBSC, "unrelated", "10/10", null, null)),
                null, null, null, null);
        return EventJson.write(new CaseEvent(UUID.randomUUID().toString(), CaseEvent.Type.HSCT_RECORDED, patientId, "CASE-" + patientId, 2,
                Instant.now(), new CaseEvent.CaseSnapshot(new CaseEvent.Patient(patientId, "male", null, "AML", "HEM-3"), List.of(hsct))));
    }

    private static Predicate<ConsumerRecord<String, String>> finding(String patientId, AlertKind kind) {
        return r -> patientId.equals(r.key()) && EventJson.read(r.value(), Finding.class).kind() == kind;
    }

    private static Finding first(TopicProbe probe, String patientId, AlertKind kind) {
        var records = probe.await(Topics.FINDINGS, finding(patientId, kind), WAIT);
        ContractSchemas.assertConforms(Topics.FINDINGS, records.get(0).value());
        return EventJson.read(records.get(0).value(), Finding.class);
    }

    @Test
    void feverBecomesFebrileNeutropeniaThenSepsisThenSepticShockDatedByTheLateLactate() {
        String patientId = "P-SV-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.CASE_EVENTS, patientId, transplant(patientId, LocalDate.parse("2025-06-02")));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "anc-1", Analyte.ANC, "2025-06-08T06:00:00Z", 0.02));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "t-1", Analyte.BODY_TEMPERATURE, "2025-06-08T12:00:00Z", 38.6));
            Finding febrileNeutropenia = first(probe, patientId, AlertKind.FEBRILE_NEUTROPENIA);
            assertThat(febrileNeutropenia.dayPostTransplant()).isEqualTo(6);

            // the 13:30 round: alert, on air; then RR 23 and SBP 98 give qSOFA 2
            probe.send(Topics.OBSERVATIONS, patientId, consciousness(patientId, "acvpu-1", "2025-06-08T13:30:00Z", "A"));
            probe.send(Topics.OBSERVATIONS, patientId, flag(patientId, "o2-1", Analyte.OXYGEN_SUPPLEMENT, "2025-06-08T13:30:00Z", false));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "rr-1", Analyte.RESPIRATORY_RATE, "2025-06-08T13:30:00Z", 23));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "sbp-1", Analyte.SYSTOLIC_BP, "2025-06-08T13:30:00Z", 98));
            Finding sepsis = first(probe, patientId, AlertKind.SEPSIS);
            assertThat(sepsis.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(sepsis.onsetAt()).isEqualTo(Instant.parse("2025-06-08T13:30:00Z"));
            assertThat(sepsis.rule()).isEqualTo(Sepsis.RULE);
            assertThat(sepsis.supersedes()).isEqualTo(febrileNeutropenia.episodeId());
            assertThat(sepsis.evidence()).extracting(e -> e.observationId()).contains("t-1", "rr-1", "sbp-1", "acvpu-1");

            // hypotension and norepinephrine, then the next morning's normal lactate, then the evening's 3.6 arrives late
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "map-1", Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T17:00:00Z", 59));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "ne-1", Analyte.NOREPINEPHRINE_DOSE, "2025-06-08T17:15:00Z", 0.06));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "lac-2", Analyte.LACTATE, "2025-06-09T06:00:00Z", 1.9));
            assertThat(probe.records(Topics.FINDINGS, Duration.ofSeconds(4)).stream()
                    .filter(finding(patientId, AlertKind.SEPTIC_SHOCK))).isEmpty();
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "lac-1", Analyte.LACTATE, "2025-06-08T19:15:00Z", 3.6));
            Finding shock = first(probe, patientId, AlertKind.SEPTIC_SHOCK);
            assertThat(shock.onsetAt()).isEqualTo(Instant.parse("2025-06-08T19:15:00Z"));
            assertThat(shock.dayPostTransplant()).isEqualTo(6);
            assertThat(shock.supersedes()).isEqualTo(sepsis.episodeId());
            assertThat(shock.evidence()).extracting(e -> e.observationId()).contains("map-1", "lac-1");
        }
    }

    @Test
    void skinRashIsGvhdOnsetAndDiarrhoeaAFlareAndImprovementRaisesNothing() {
        String patientId = "P-SV-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.CASE_EVENTS, patientId, transplant(patientId, LocalDate.parse("2025-03-03")));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "bili-1", Analyte.BILIRUBIN, "2025-05-19T06:00:00Z", 0.7));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "skin-1", Analyte.GVHD_SKIN_BSA, "2025-05-20T10:30:00Z", 8));
            Finding onset = first(probe, patientId, AlertKind.GVHD_ONSET);
            assertThat(onset.severity()).isEqualTo(Severity.WARNING);
            assertThat(onset.dayPostTransplant()).isEqualTo(78);
            assertThat(onset.rule()).isEqualTo(AcuteGvhd.ONSET);

            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "skin-2", Analyte.GVHD_SKIN_BSA, "2025-05-24T10:30:00Z", 40));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "stool-1", Analyte.STOOL_VOLUME, "2025-05-27T08:00:00Z", 1150));
            Finding flare = first(probe, patientId, AlertKind.GVHD_FLARE);
            assertThat(flare.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(flare.dayPostTransplant()).isEqualTo(85);
            assertThat(flare.supersedes()).isEqualTo(onset.episodeId());
            assertThat(flare.evidence()).extracting(e -> e.observationId()).containsExactly("skin-2", "stool-1");

            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "stool-2", Analyte.STOOL_VOLUME, "2025-06-01T08:00:00Z", 600));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "stool-3", Analyte.STOOL_VOLUME, "2025-06-05T08:00:00Z", 200));
            probe.send(Topics.OBSERVATIONS, patientId, reading(patientId, "skin-3", Analyte.GVHD_SKIN_BSA, "2025-06-05T10:30:00Z", 0));
            var ended = probe.await(Topics.FINDINGS, r -> patientId.equals(r.key())
                    && EventJson.read(r.value(), Finding.class).state() == Finding.State.ENDED, 2, WAIT);
            assertThat(ended).extracting(r -> EventJson.read(r.value(), Finding.class).episodeId())
                    .containsExactlyInAnyOrder(onset.episodeId(), flare.episodeId());
            assertThat(probe.records(Topics.FINDINGS, Duration.ofSeconds(3)).stream().filter(r -> patientId.equals(r.key()))
                    .map(r -> EventJson.read(r.value(), Finding.class)).filter(f -> f.state() == Finding.State.ACTIVE))
                    .extracting(Finding::kind).containsExactly(AlertKind.GVHD_ONSET, AlertKind.GVHD_FLARE);
        }
    }
}
