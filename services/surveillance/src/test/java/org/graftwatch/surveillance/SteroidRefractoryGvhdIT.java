package org.graftwatch.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.Finding;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * The steroid-refractory flag through the real broker and store: systemic steroids recorded on the case (as the case
 * registry publishes them) and daily GVHD assessments; a course without improvement after seven days of 2 mg/kg/day is
 * flagged on its open alert, a course that responds is not.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class SteroidRefractoryGvhdIT {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-10-30");

    /** Transplanted on 2025-10-30 with PBSC-H, DLI from PBSC-H on 2025-12-18, gut and skin GVHD grade II from 2026-01-10. */
    private static SurveillanceFeed withGvhdAfterDli(TopicProbe probe) {
        SurveillanceFeed patient = new SurveillanceFeed(probe)
                .treated(new CaseEvent.Treatment("HSCT-" + DAY_ZERO, CaseEvent.TreatmentType.HSCT, DAY_ZERO, null,
                        List.of(new CaseEvent.GraftSource("PBSC-H", CaseEvent.GraftKind.PBSC, "haploidentical", "5/10", null, null)),
                        null, null, null, null), CaseEvent.Type.HSCT_RECORDED)
                .treated(new CaseEvent.Treatment("DLI-2025-12-18", CaseEvent.TreatmentType.DLI, LocalDate.parse("2025-12-18"), null,
                        null, null, null, "PBSC-H", 5.0e6), CaseEvent.Type.DLI_RECORDED);
        patient.reading("skin-0110", Analyte.GVHD_SKIN_BSA, "2026-01-10T10:00:00Z", 30)
                .reading("stool-0110", Analyte.STOOL_VOLUME, "2026-01-10T10:00:00Z", 650);
        return patient;
    }

    private static void assessedDaily(SurveillanceFeed patient, int fromDay, double[] stool) {
        for (int i = 0; i < stool.length; i++) {
            String day = LocalDate.parse("2026-01-01").plusDays(fromDay - 1L + i).toString();
            patient.reading("skin-" + day, Analyte.GVHD_SKIN_BSA, day + "T10:00:00Z", 30)
                    .reading("stool-" + day, Analyte.STOOL_VOLUME, day + "T10:00:00Z", stool[i]);
        }
    }

    @Test
    void noImprovementAfterSevenDaysOfHighDoseSteroidsFlagsTheOpenGvhdAlert() {
        try (TopicProbe probe = TopicProbe.connect()) {
            SurveillanceFeed patient = withGvhdAfterDli(probe);
            Finding onset = patient.await(f -> f.kind() == AlertKind.GVHD_ONSET, 1).get(0);
            assertThat(onset.summary()).doesNotContain("steroid-refractory");
            assertThat(onset.dayPostTransplant()).isEqualTo(72);

            patient.treated(CaseEvent.Treatment.steroids("SYSTEMIC_STEROIDS-2026-01-10", LocalDate.parse("2026-01-10"), 2.0),
                    CaseEvent.Type.STEROIDS_RECORDED);
            assessedDaily(patient, 11, new double[] {650, 700, 640, 660, 650, 620, 610});
            Finding flagged = patient.await(f -> f.summary().contains("steroid-refractory"), 1).get(0);
            assertThat(flagged.episodeId()).isEqualTo(onset.episodeId());
            assertThat(flagged.kind()).isEqualTo(AlertKind.GVHD_ONSET);
            assertThat(flagged.state()).isEqualTo(Finding.State.ACTIVE);
            assertThat(flagged.summary()).contains("steroid-refractory on 2026-01-17 00:00 UTC [gvhd-steroid-refractory v1]: "
                    + "no improvement after 7 days of systemic steroids 2 mg/kg/day from 2026-01-10");
            assertThat(flagged.evidence()).extracting(e -> e.observationId()).contains("skin-2026-01-16", "stool-2026-01-16");
        }
    }

    @Test
    void aCourseThatImprovesUnderSteroidsIsNotFlagged() {
        try (TopicProbe probe = TopicProbe.connect()) {
            SurveillanceFeed patient = withGvhdAfterDli(probe);
            patient.treated(CaseEvent.Treatment.steroids("SYSTEMIC_STEROIDS-2026-01-10", LocalDate.parse("2026-01-10"), 2.0),
                    CaseEvent.Type.STEROIDS_RECORDED);
            // stool below 500 mL/d from day 5 of steroids: lower GI stage 0, grade II → I
            assessedDaily(patient, 11, new double[] {640, 600, 560, 420, 380, 300, 250, 200});
            patient.await(f -> f.kind() == AlertKind.GVHD_ONSET, 1);
            assertThat(patient.published(Duration.ofSeconds(5))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.summary()).doesNotContain("steroid-refractory"));
        }
    }
}
