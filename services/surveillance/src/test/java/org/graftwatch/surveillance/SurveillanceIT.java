package org.graftwatch.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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

/** Febrile neutropenia through the real broker and store, with the ANC arriving after the fever. */
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
}
