package org.graftwatch.ingest.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.graftwatch.ingest.hl7.OruMessages.obx;
import static org.graftwatch.ingest.hl7.OruMessages.oru;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.DeadLetter.Problem;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.ingest.domain.Reason;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.TestTranslators;
import org.junit.jupiter.api.Test;

class OruTranslatorTest {
    private static final OruTranslator ORU = new OruTranslator(
            TestTranslators.observations(Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC)));

    @Test
    void everyObxBecomesACanonicalObservation() {
        Intake intake = ORU.translate(oru("MSG-1", "P-7", "ORD-1",
                obx("751-8", "LN", "580", "/uL", "F", "20250316073000+0000"),
                obx("BILI", "99HLAB", "34.2", "umol/L", "F", "20250316093000+0200")), "ward.hl7v2.v1");
        assertThat(intake.problems()).isEmpty();
        assertThat(intake.accepted()).hasSize(2);
        ObservationEvent anc = intake.accepted().get(0);
        assertThat(anc.analyte()).isEqualTo(Analyte.ANC);
        assertThat(anc.patientId()).isEqualTo("P-7");
        assertThat(anc.observationId()).isEqualTo("ORD-1-751-8");
        assertThat(anc.sourceSystem()).isEqualTo("hl7v2:LIS@UKX-LAB");
        assertThat(anc.value()).isCloseTo(0.58, within(1e-9));
        assertThat(anc.effectiveAt()).isEqualTo(Instant.parse("2025-03-16T07:30:00Z"));
        ObservationEvent bilirubin = intake.accepted().get(1);
        assertThat(bilirubin.analyte()).isEqualTo(Analyte.BILIRUBIN);
        assertThat(bilirubin.value()).isCloseTo(2.0, within(0.005));
        assertThat(bilirubin.effectiveAt()).isEqualTo(Instant.parse("2025-03-16T07:30:00Z"));
    }

    @Test
    void lineFeedsInsteadOfCarriageReturnsAreRead() {
        String message = oru("MSG-2", "P-7", "ORD-2", obx("751-8", "LN", "0.4", "10*9/L", "F", "20250316073000+0000")).replace('\r', '\n');
        assertThat(ORU.translate(message, "t").isAccepted()).isTrue();
    }

    @Test
    void aCorrectionIsANewVersionAndADeletionARetraction() {
        String original = oru("M1", "P-7", "ORD-3", obx("751-8", "LN", "0.4", "10*9/L", "F", "20250316073000+0000"));
        String corrected = oru("M2", "P-7", "ORD-3", obx("751-8", "LN", "0.6", "10*9/L", "C", "20250316073000+0000"));
        String deleted = oru("M3", "P-7", "ORD-3", obx("751-8", "LN", "", "", "D", "20250316073000+0000"));
        ObservationEvent a = ORU.translate(original, "t").accepted().get(0);
        ObservationEvent b = ORU.translate(corrected, "t").accepted().get(0);
        ObservationEvent c = ORU.translate(deleted, "t").accepted().get(0);
        assertThat(b.observationId()).isEqualTo(a.observationId());
        assertThat(b.eventId()).isNotEqualTo(a.eventId());
        assertThat(b.status()).isEqualTo("corrected");
        assertThat(c.type()).isEqualTo(ObservationEvent.Type.RETRACTION);
        assertThat(c.observationId()).isEqualTo(a.observationId());
    }

    @Test
    void problemsAreLocatedInHl7Terms() {
        Intake intake = ORU.translate(oru("M4", "P-7", "ORD-4",
                obx("751-8", "LN", "0.4", "mg", "F", "20250316073000+0000"),
                obx("K", "99HLAB", "4.1", "mmol/L", "F", "20250316073000+0000"),
                obx("8310-5", "LN", "60", "Cel", "F", "20250316073000+0000"),
                obx("8867-4", "LN", "80", "/min", "X", "20250316073000"),
                obx("8867-4", "LN", "80", "/min", "F", "20250316073000")), "t");
        assertThat(intake.problems()).extracting(Problem::location)
                .containsExactlyInAnyOrder("OBX[1]-6", "OBX[2]-3", "OBX[3]-5", "OBX[4]-11", "OBX[5]-14");
        assertThat(intake.reasons()).containsExactlyInAnyOrder(Reason.UNIT, Reason.UNMAPPED_CODE, Reason.IMPLAUSIBLE, Reason.STATUS, Reason.EVENT_TIME);
    }

    @Test
    void unreadableAndForeignMessagesAreRejected() {
        assertThat(ORU.translate("not hl7 at all", "t").reasons()).containsExactly(Reason.UNREADABLE);
        assertThat(ORU.translate("", "t").reasons()).containsExactly(Reason.UNREADABLE);
        String adt = "MSH|^~\\&|ADT|UKX|GW|UKX|20250316080000+0000||ADT^A01^ADT_A01|M5|P|2.5.1\rPID|1||P-7\r";
        Intake foreign = ORU.translate(adt, "t");
        assertThat(foreign.problems()).extracting(Problem::location).containsExactly("MSH-9");
        String withoutPatient = oru("M6", "", "ORD-6", obx("751-8", "LN", "0.4", "10*9/L", "F", "20250316073000+0000"));
        assertThat(ORU.translate(withoutPatient, "t").problems()).extracting(Problem::location).containsExactly("PID-3");
    }
}
