package org.graftwatch.alerts.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class PatientTimelineDocumentTest {
    private static final Instant DAY_0 = Instant.parse("2025-03-03T00:00:00Z");
    private static final int MAX = 500;

    static ObservationEvent result(String observationId, Analyte analyte, int day, Double value, ObservationEvent.SourceShare... shares) {
        return new ObservationEvent(observationId + "@" + value, ObservationEvent.Type.RESULT, "P-1", observationId, "lab", "final",
                analyte, analyte.code(), DAY_0.plusSeconds(86_400L * day), value, analyte.canonicalUnit(), null, null, List.of(shares), DAY_0);
    }

    static ObservationEvent retraction(String observationId, Analyte analyte) {
        return new ObservationEvent(observationId + "@retracted", ObservationEvent.Type.RETRACTION, "P-1", observationId, "lab",
                "entered-in-error", analyte, analyte.code(), DAY_0, null, null, null, null, List.of(), DAY_0);
    }

    static CaseEvent caseEvent(long version, CaseEvent.Treatment... treatments) {
        return new CaseEvent("ce-" + version, CaseEvent.Type.HSCT_RECORDED, "P-1", "CASE-P-1", version, DAY_0,
                new CaseEvent.CaseSnapshot(new CaseEvent.Patient("P-1", "female", LocalDate.of(1970, 1, 1), "AML", "BMT-1"), List.of(treatments)));
    }

    static CaseEvent.Treatment hsct(LocalDate date) {
        return new CaseEvent.Treatment("T-1", CaseEvent.TreatmentType.HSCT, date, "FLU/TREO",
                List.of(new CaseEvent.GraftSource("UCB-1", CaseEvent.GraftKind.UCB, "unrelated", "5/8", null, 3.1e7),
                        new CaseEvent.GraftSource("UCB-2", CaseEvent.GraftKind.UCB, "unrelated", "4/8", null, 2.4e7)),
                null, null, null, null);
    }

    static Finding gvhd(String episodeId, AlertKind kind, Finding.State state, int day, String grade) {
        return new Finding(episodeId, "P-1", "CASE-P-1", kind, Severity.WARNING, state, DAY_0.plusSeconds(86_400L * day), day,
                new RuleRef("gvhd-onset-magic", "1"), "Acute GVHD: MAGIC grade " + grade + " (skin stage 3)", List.of(), null, DAY_0, "surveillance");
    }

    private static TimelineSeries series(PatientTimelineDocument t, String code, String source) {
        return t.series.stream().filter(s -> s.code.equals(code) && java.util.Objects.equals(s.source, source)).findFirst().orElseThrow();
    }

    @Test
    void countsVitalsAndLactateArePlottedInEventTimeOrderWhateverTheArrivalOrder() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        assertThat(t.apply(result("anc-2", Analyte.ANC, 2, 0.3), MAX)).isTrue();
        assertThat(t.apply(result("anc-1", Analyte.ANC, 1, 0.1), MAX)).isTrue();
        assertThat(t.apply(result("plt-1", Analyte.PLATELETS, 1, 18.0), MAX)).isTrue();
        assertThat(t.apply(result("temp-1", Analyte.BODY_TEMPERATURE, 1, 38.4), MAX)).isTrue();
        assertThat(t.apply(result("map-1", Analyte.MEAN_ARTERIAL_PRESSURE, 1, 61.0), MAX)).isTrue();
        assertThat(t.apply(result("lac-1", Analyte.LACTATE, 1, 4.2), MAX)).isTrue();
        assertThat(series(t, "751-8", null).points).extracting(p -> p.observationId, p -> p.value)
                .containsExactly(tuple("anc-1", 0.1), tuple("anc-2", 0.3));
        assertThat(t.series).extracting(s -> s.code).containsExactlyInAnyOrder("751-8", "777-3", "8310-5", "8478-0", "2524-7");
    }

    @Test
    void aRedeliveryChangesNothingACorrectionReplacesARetractionRemoves() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        t.apply(result("anc-1", Analyte.ANC, 1, 0.1), MAX);
        assertThat(t.apply(result("anc-1", Analyte.ANC, 1, 0.1), MAX)).as("redelivered").isFalse();
        assertThat(t.apply(result("anc-1", Analyte.ANC, 1, 1.1), MAX)).as("corrected").isTrue();
        assertThat(series(t, "751-8", null).points).extracting(p -> p.value).containsExactly(1.1);
        assertThat(t.apply(retraction("anc-1", Analyte.ANC), MAX)).isTrue();
        assertThat(t.series).as("an emptied series is dropped").isEmpty();
        assertThat(t.apply(retraction("anc-1", Analyte.ANC), MAX)).isFalse();
        assertThat(t.series).isEmpty();
    }

    @Test
    void analytesTheDashboardDoesNotPlotAreNotKept() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        assertThat(t.apply(result("crp-1", Analyte.CRP, 1, 80.0), MAX)).isFalse();
        assertThat(t.apply(result("hr-1", Analyte.HEART_RATE, 1, 120.0), MAX)).isFalse();
        assertThat(t.series).isEmpty();
    }

    @Test
    void eachSeriesKeepsOnlyItsMostRecentPoints() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        for (int day = 1; day <= 5; day++) {
            t.apply(result("plt-" + day, Analyte.PLATELETS, day, 10.0 * day), 3);
        }
        t.apply(result("plt-0", Analyte.PLATELETS, 0, 5.0), 3);
        assertThat(series(t, "777-3", null).points).extracting(p -> p.observationId).containsExactly("plt-3", "plt-4", "plt-5");
    }

    @Test
    void chimerismIsPlottedPerLineageAndGraftSource() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        t.apply(result("chim-cd3-21", Analyte.CHIMERISM_CD3, 21, 96.0,
                new ObservationEvent.SourceShare("UCB-1", 81.0), new ObservationEvent.SourceShare("UCB-2", 15.0)), MAX);
        t.apply(result("chim-cd33-21", Analyte.CHIMERISM_CD33, 21, 99.0,
                new ObservationEvent.SourceShare("UCB-1", 97.0), new ObservationEvent.SourceShare("UCB-2", 2.0)), MAX);
        t.apply(result("chim-wb-28", Analyte.CHIMERISM_WB, 28, 98.0), MAX);
        assertThat(t.series).extracting(s -> s.code, s -> s.source).containsExactlyInAnyOrder(
                tuple("chimerism-cd3", "UCB-1"), tuple("chimerism-cd3", "UCB-2"), tuple("chimerism-cd33", "UCB-1"),
                tuple("chimerism-cd33", "UCB-2"), tuple("chimerism-wb", null));
        assertThat(series(t, "chimerism-cd33", "UCB-2").points).extracting(p -> p.value).containsExactly(2.0);
        assertThat(series(t, "chimerism-wb", null).points).extracting(p -> p.value).containsExactly(98.0);
    }

    @Test
    void aCorrectedChimerismResultReplacesEveryPointOfTheOldOneAndARetractionRemovesThemAll() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        ObservationEvent first = result("chim-cd3-21", Analyte.CHIMERISM_CD3, 21, 96.0,
                new ObservationEvent.SourceShare("UCB-1", 81.0), new ObservationEvent.SourceShare("UCB-2", 15.0));
        t.apply(first, MAX);
        assertThat(t.apply(first, MAX)).as("redelivered").isFalse();
        assertThat(t.apply(result("chim-cd3-21", Analyte.CHIMERISM_CD3, 21, 95.0, new ObservationEvent.SourceShare("UCB-1", 95.0)), MAX)).isTrue();
        assertThat(t.series).extracting(s -> s.source).containsExactly("UCB-1");
        assertThat(series(t, "chimerism-cd3", "UCB-1").points).extracting(p -> p.value).containsExactly(95.0);
        assertThat(t.apply(retraction("chim-cd3-21", Analyte.CHIMERISM_CD3), MAX)).isTrue();
        assertThat(t.series).isEmpty();
    }

    @Test
    void hsctDliAndCarTAreMarkedFromTheNewestCaseVersionInDateOrder() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        CaseEvent.Treatment dli = new CaseEvent.Treatment("T-2", CaseEvent.TreatmentType.DLI, LocalDate.of(2025, 6, 1), null, null, null,
                null, "UCB-1", 1.0e6);
        CaseEvent.Treatment carT = new CaseEvent.Treatment("T-3", CaseEvent.TreatmentType.CAR_T, LocalDate.of(2025, 8, 1), null, null, "CD19",
                "tisagenlecleucel", null, null);
        assertThat(t.apply(caseEvent(2, hsct(LocalDate.of(2025, 3, 3))))).isTrue();
        assertThat(t.apply(caseEvent(4, carT, dli, CaseEvent.Treatment.steroids("T-4", LocalDate.of(2025, 4, 1), 2.0),
                hsct(LocalDate.of(2025, 3, 3))))).isTrue();
        assertThat(t.apply(caseEvent(3, hsct(LocalDate.of(2025, 3, 3))))).as("an older version arriving late").isFalse();
        assertThat(t.apply(caseEvent(4, hsct(LocalDate.of(2025, 3, 3))))).as("the same version again").isFalse();
        assertThat(t.caseId).isEqualTo("CASE-P-1");
        assertThat(t.treatments).extracting(m -> m.type, m -> m.date, m -> m.detail).containsExactly(
                tuple("HSCT", "2025-03-03", "UCB-1 (UCB), UCB-2 (UCB); FLU/TREO"),
                tuple("DLI", "2025-06-01", "from UCB-1; 1.0e+06 CD3+/kg"),
                tuple("CAR_T", "2025-08-01", "anti-CD19; tisagenlecleucel"));
    }

    @Test
    void gvhdGradesAreKeptPerEpisodeAndAWithdrawnEpisodeIsRemoved() {
        PatientTimelineDocument t = new PatientTimelineDocument("P-1");
        assertThat(t.apply(gvhd("ep-onset", AlertKind.GVHD_ONSET, Finding.State.ACTIVE, 30, "II"), MAX)).isTrue();
        assertThat(t.apply(gvhd("ep-onset", AlertKind.GVHD_ONSET, Finding.State.ACTIVE, 30, "II"), MAX)).as("redelivered").isFalse();
        assertThat(t.apply(gvhd("ep-flare", AlertKind.GVHD_FLARE, Finding.State.ACTIVE, 37, "III"), MAX)).isTrue();
        assertThat(t.gvhd).extracting(p -> p.episodeId, p -> p.grade, p -> p.ended)
                .containsExactly(tuple("ep-onset", 2, false), tuple("ep-flare", 3, false));
        assertThat(t.apply(gvhd("ep-flare", AlertKind.GVHD_FLARE, Finding.State.ENDED, 37, "III"), MAX)).isTrue();
        assertThat(t.gvhd).extracting(p -> p.ended).containsExactly(false, true);
        assertThat(t.apply(gvhd("ep-onset", AlertKind.GVHD_ONSET, Finding.State.WITHDRAWN, 30, "II"), MAX)).isTrue();
        assertThat(t.gvhd).extracting(p -> p.episodeId).containsExactly("ep-flare");
        assertThat(t.apply(gvhd("ep-sepsis", AlertKind.SEPSIS, Finding.State.ACTIVE, 12, "II"), MAX)).as("not a GVHD finding").isFalse();
    }
}
