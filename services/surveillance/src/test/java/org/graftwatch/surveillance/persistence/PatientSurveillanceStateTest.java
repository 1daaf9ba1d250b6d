package org.graftwatch.surveillance.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.surveillance.domain.Reading;
import org.graftwatch.surveillance.domain.SteroidDose;
import org.junit.jupiter.api.Test;

/**
 * Which results surveillance keeps, how booleans and ACVPU become numbers, that retractions remove them, which
 * findings of other detectors it keeps, and the steroid doses it reads from the case.
 */
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

    private static Finding decline(String detector, Analyte lineage, Finding.State state) {
        Instant onset = Instant.parse("2026-01-18T09:00:00Z");
        return new Finding("ep-1", "P-1", null, AlertKind.CHIMERISM_DECLINE,
                Severity.WARNING, state, onset, null, new RuleRef("chimerism-decline", "1"),
                "declining", List.of(new Evidence("c-1", lineage.code(), 88.0, "%", onset)), null, onset,
                detector);
    }

    @Test
    void keepsTheLatestMyeloidDeclineOfTheGraftMonitorAndForgetsAWithdrawnOne() {
        PatientSurveillanceState state = new PatientSurveillanceState("P-1");
        assertThat(state.apply(decline("graft-monitor", Analyte.CHIMERISM_CD3, Finding.State.ACTIVE))).isFalse();
        assertThat(state.apply(decline("surveillance", Analyte.CHIMERISM_CD33, Finding.State.ACTIVE))).isFalse();
        assertThat(state.apply(decline("graft-monitor", Analyte.CHIMERISM_CD33, Finding.State.ACTIVE))).isTrue();
        assertThat(state.apply(decline("graft-monitor", Analyte.CHIMERISM_CD33, Finding.State.ACTIVE)))
                .as("the same finding again").isFalse();
        assertThat(state.apply(decline("graft-monitor", Analyte.CHIMERISM_CD33, Finding.State.ENDED))).isTrue();
        assertThat(state.declines()).singleElement().satisfies(d -> assertThat(d.lineageCode()).isEqualTo("chimerism-cd33"));
        assertThat(state.apply(decline("graft-monitor", Analyte.CHIMERISM_CD33, Finding.State.WITHDRAWN))).isTrue();
        assertThat(state.declines()).isEmpty();
    }

    @Test
    void steroidDosesComeFromTheCase() {
        PatientSurveillanceState state = new PatientSurveillanceState("P-1");
        var steroids = CaseEvent.Treatment.steroids("S-1", LocalDate.parse("2026-01-10"), 2.0);
        state.knownCase.apply(new CaseEvent("e-1", CaseEvent.Type.STEROIDS_RECORDED, "P-1",
                "CASE-P-1", 2, Instant.now(), new CaseEvent.CaseSnapshot(
                new CaseEvent.Patient("P-1", null, null, "AML", "HEM-3"), List.of(steroids))));
        assertThat(state.steroids()).containsExactly(new SteroidDose(LocalDate.parse("2026-01-10"), 2.0));
    }
}
