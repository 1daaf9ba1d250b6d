package org.graftwatch.surveillance.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.surveillance.domain.Reading;
import org.junit.jupiter.api.Test;

/** Which results surveillance keeps, how booleans and ACVPU become numbers, and that retractions remove them. */
class PatientSurveillanceStateTest {

    private static ObservationEvent result(String id, Analyte analyte, Double value, Boolean flag, String code) {
        return new ObservationEvent("ev-" + id + value + flag + code, ObservationEvent.Type.RESULT, "P-1", id, "ward", "final", analyte,
                analyte.code(), Instant.parse("2025-06-08T12:00:00Z"), value, analyte.canonicalUnit(), flag, code, null, Instant.now());
    }

    @Test
    void routesEachRuleInputToItsSeriesAndIgnoresOthers() {
        PatientSurveillanceState state = new PatientSurveillanceState("P-1");
        assertThat(state.apply(result("lac-1", Analyte.LACTATE, 3.6, null, null))).isTrue();
        assertThat(state.apply(result("o2-1", Analyte.OXYGEN_SUPPLEMENT, null, true, null))).isTrue();
        assertThat(state.apply(result("acvpu-1", Analyte.CONSCIOUSNESS, null, null, "V"))).isTrue();
        assertThat(state.apply(result("acvpu-2", Analyte.CONSCIOUSNESS, null, null, "A"))).isTrue();
        assertThat(state.apply(result("hb-1", Analyte.HAEMOGLOBIN, 90.0, null, null))).isFalse();

        var series = state.patientSeries();
        assertThat(series.of(Analyte.LACTATE)).extracting(Reading::value).containsExactly(3.6);
        assertThat(series.of(Analyte.OXYGEN_SUPPLEMENT)).extracting(Reading::value).containsExactly(1.0);
        assertThat(series.of(Analyte.CONSCIOUSNESS)).extracting(Reading::observationId, Reading::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("acvpu-1", 1.0), org.assertj.core.groups.Tuple.tuple("acvpu-2", 0.0));
    }

    @Test
    void aRetractionRemovesTheResult() {
        PatientSurveillanceState state = new PatientSurveillanceState("P-1");
        state.apply(result("stool-1", Analyte.STOOL_VOLUME, 1150.0, null, null));
        ObservationEvent retraction = new ObservationEvent("ev-r", ObservationEvent.Type.RETRACTION, "P-1", "stool-1", "ward",
                "entered-in-error", Analyte.STOOL_VOLUME, Analyte.STOOL_VOLUME.code(), Instant.parse("2025-06-08T12:00:00Z"), null, null,
                null, null, null, Instant.now());
        assertThat(state.apply(retraction)).isTrue();
        assertThat(state.patientSeries().of(Analyte.STOOL_VOLUME)).isEmpty();
    }
}
