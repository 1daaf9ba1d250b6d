package org.graftwatch.graftmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.GraftTimeline.source;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * A record that reads as JSON but that the rules cannot use (here a case event whose transplant has no date) goes to
 * the dead-letter topic with the reason; the records around it, of the same patient and of others, take effect, and
 * the channel goes on.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class UnusableInputIT {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");

    @Test
    void aCaseEventTheRulesCannotUseIsADeadLetterAndTheRestOfTheBatchProceeds() {
        try (TopicProbe probe = TopicProbe.connect()) {
            GraftTimeline patient = new GraftTimeline(probe, DAY_ZERO).registered(CaseEvent.TreatmentType.HSCT,
                    source("PBSC-A", CaseEvent.GraftKind.PBSC));
            GraftTimeline other = new GraftTimeline(probe, DAY_ZERO).registered(CaseEvent.TreatmentType.HSCT,
                    source("PBSC-B", CaseEvent.GraftKind.PBSC));
            patient.send(patient.daily(Analyte.ANC, 1, 0.1, 0.6));
            var undated = new CaseEvent.Treatment("HSCT-undated", CaseEvent.TreatmentType.HSCT, null, null,
                    List.of(source("PBSC-Z", CaseEvent.GraftKind.PBSC)), null, null, null, null);
            String poison = EventJson.write(new CaseEvent(UUID.randomUUID().toString(), CaseEvent.Type.HSCT_RECORDED, patient.patientId,
                    "CASE-" + patient.patientId, 3, Instant.now(),
                    new CaseEvent.CaseSnapshot(new CaseEvent.Patient(patient.patientId, null, null, "AML", "HEM-3"), List.of(undated))));
            probe.send(Topics.CASE_EVENTS, patient.patientId, poison);
            patient.send(patient.daily(Analyte.ANC, 3, 0.8, 1.1));
            other.send(other.daily(Analyte.ANC, 1, 0.2, 0.7, 0.9, 1.2));

            var letters = probe.await("graft-monitor.dlq.v1", r -> patient.patientId.equals(r.key()), GraftTimeline.WAIT);
            ContractSchemas.assertConforms(Topics.WARD_DLQ, letters.get(0).value());
            DeadLetter letter = EventJson.read(letters.get(0).value(), DeadLetter.class);
            assertThat(letter.sourceTopic()).isEqualTo(Topics.CASE_EVENTS);
            assertThat(letter.payload()).isEqualTo(poison);
            assertThat(letter.problems().get(0).message()).startsWith("could not be applied: java.lang.NullPointerException");

            Finding engrafted = patient.awaitFinding(f -> f.kind() == AlertKind.NEUTROPHIL_ENGRAFTMENT);
            assertThat(engrafted.dayPostTransplant()).as("the transplant as registered before the unusable event").isEqualTo(2);
            assertThat(other.awaitFinding(f -> f.kind() == AlertKind.NEUTROPHIL_ENGRAFTMENT).dayPostTransplant()).isEqualTo(2);

            // the channel goes on: a later result of the patient is still read (a count below 0.5 on days +5..+7)
            patient.send(patient.daily(Analyte.ANC, 5, 0.3, 0.2, 0.1));
            assertThat(patient.awaitFinding(f -> f.kind() == AlertKind.GRAFT_FAILURE).dayPostTransplant()).isEqualTo(7);
        }
    }
}
