package org.graftwatch.graftmonitor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.ObservationEvent;
import org.junit.jupiter.api.Test;

class PatientGraftStateTest {
    private static final Duration IDLE = Duration.ofHours(6);

    private static ObservationEvent observed(String sender, Analyte analyte, String id, String effective, String received, double value) {
        return new ObservationEvent(ObservationEvent.eventIdFor(sender, id, String.valueOf(value)), ObservationEvent.Type.RESULT, "P-1",
                id, sender, "final", analyte, analyte.code(), Instant.parse(effective), value, analyte.canonicalUnit(), null, null, null,
                Instant.parse(received));
    }

    @Test
    void aLaggingSenderHoldsTheWatermarkBackAQuietOneDoesNot() {
        PatientGraftState state = new PatientGraftState("P-1");
        state.apply(observed("ward.labs.v1", Analyte.PLATELETS, "plt-1", "2025-04-23T06:00:00Z", "2025-06-01T10:00:00Z", 21));
        state.apply(observed("ward.vitals.v1", Analyte.PLATELET_TRANSFUSION, "ptx-1", "2025-04-10T10:00:00Z", "2025-06-01T09:00:00Z", 1));
        assertThat(state.reportedUntil(IDLE)).isEqualTo(Instant.parse("2025-04-10T10:00:00Z"));
        assertThat(state.clinicalNow).isEqualTo(Instant.parse("2025-04-23T06:00:00Z"));

        // nothing from the ward for more than six hours while the laboratory keeps reporting: discharged, not late
        state.apply(observed("ward.labs.v1", Analyte.PLATELETS, "plt-2", "2025-04-24T06:00:00Z", "2025-06-01T15:00:01Z", 24));
        assertThat(state.reportedUntil(IDLE)).isEqualTo(Instant.parse("2025-04-24T06:00:00Z"));
    }

    @Test
    void oneSenderRelayingLaboratoryAndBedsideRecordsIsTrackedAsTwoStreams() {
        PatientGraftState state = new PatientGraftState("P-1");
        state.apply(observed("urn:ward", Analyte.PLATELETS, "plt-1", "2025-04-23T06:00:00Z", "2025-06-01T10:00:00Z", 21));
        state.apply(observed("urn:ward", Analyte.BODY_TEMPERATURE, "t-1", "2025-04-19T06:00:00Z", "2025-06-01T10:00:00Z", 36.8));
        assertThat(state.reportedUntil(IDLE)).isEqualTo(Instant.parse("2025-04-19T06:00:00Z"));
    }

    @Test
    void analytesAreRoutedToTheirSeriesAndChimerismKeepsItsSources() {
        PatientGraftState state = new PatientGraftState("P-1");
        assertThat(state.apply(observed("lab", Analyte.HAEMOGLOBIN, "hb-1", "2025-04-23T06:00:00Z", "2025-04-23T07:00:00Z", 95))).isTrue();
        ObservationEvent chimerism = new ObservationEvent("e-1", ObservationEvent.Type.RESULT, "P-1", "chim-1", "lab", "final",
                Analyte.CHIMERISM_CD34, Analyte.CHIMERISM_CD34.code(), Instant.parse("2025-04-23T09:00:00Z"), 97.0, "%", null, null,
                java.util.List.of(new ObservationEvent.SourceShare("UCB-1", 7), new ObservationEvent.SourceShare("PBSC-A", 90)),
                Instant.parse("2025-04-23T10:00:00Z"));
        assertThat(state.apply(chimerism)).isTrue();
        assertThat(state.apply(chimerism)).as("the same version again").isFalse();
        assertThat(state.haemoglobin).hasSize(1);
        assertThat(state.chimerism).singleElement().satisfies(c -> {
            assertThat(c.lineage).isEqualTo("CD34");
            assertThat(c.toSample().bySource()).containsEntry("PBSC-A", 90.0).containsEntry("UCB-1", 7.0);
        });
    }
}
