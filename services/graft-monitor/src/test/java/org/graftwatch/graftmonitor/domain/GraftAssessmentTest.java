package org.graftwatch.graftmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.at;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.chimerism;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.daily;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.repeated;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.transfusion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.CaseEvent.GraftKind;
import org.junit.jupiter.api.Test;

class GraftAssessmentTest {
    private static final LocalDate CAR_T = LocalDate.parse("2025-01-06");
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");
    private final GraftAssessment assessment = new GraftAssessment(ClinicalDefaults.ALL);

    @Test
    void motivatingPatientFromCarTToACombinedCordAndPbscGraft() {
        List<CountSample> anc = new ArrayList<>(daily("anc", CAR_T, 0, 0.42, 0.24, 0.13));
        anc.addAll(repeated("anc", CAR_T, 3, 53, 0.05)); // to the day before the transplant
        anc.addAll(repeated("anc", DAY_ZERO, 0, 11, 0.01));
        anc.addAll(daily("anc", DAY_ZERO, 12, 0.44, 0.58, 0.86, 1.24));
        anc.addAll(repeated("anc", DAY_ZERO, 16, 40, 3.0));
        List<CountSample> platelets = new ArrayList<>(repeated("plt", DAY_ZERO, 1, 21, 15));
        platelets.addAll(daily("plt", DAY_ZERO, 22, 23, 28, 34));
        List<ChimerismSample> chimerism = List.of(
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 14, 88, "UCB-1", 10, "PBSC-A", 78),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 97, "UCB-1", 8, "PBSC-A", 89),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 42, 98, "UCB-1", 7, "PBSC-A", 91));
        // blasts reappear in the blood on CAR-T day +24: relapse, so late ICAHT is not graded
        List<CountSample> bloodBlasts = daily("pb", CAR_T, 3, 0, 0);
        bloodBlasts = List.of(bloodBlasts.get(0), bloodBlasts.get(1), ClinicalDefaults.sample("pb", CAR_T, 24, 3));
        GraftHistory history = new GraftHistory(List.of(new Transplant(DAY_ZERO, List.of(GraftKind.UCB, GraftKind.PBSC))),
                List.of(CAR_T), anc, platelets, List.of(), List.of(transfusion(DAY_ZERO, 12)), List.of(), bloodBlasts, chimerism,
                at(DAY_ZERO, 42, "09:00"), null);

        GraftAssessment.GraftReport report = assessment.assess(history);

        assertThat(report.episodes()).extracting(GraftEpisode::kind).containsExactlyInAnyOrder(AlertKind.NEUTROPHIL_ENGRAFTMENT,
                AlertKind.PLATELET_ENGRAFTMENT, AlertKind.POOR_COUNT_RECOVERY);
        GraftAssessment.TransplantStatus transplant = report.transplants().get(0);
        assertThat(transplant.neutrophilEngraftmentDay()).isEqualTo(13);
        assertThat(transplant.plateletEngraftmentDay()).isEqualTo(22);
        assertThat(transplant.graftFailure()).isNull();
        assertThat(transplant.engraftmentDeadlineDay()).isEqualTo(28);
        assertThat(transplant.dominance()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("PBSC-A");
            assertThat(d.since()).isEqualTo(at(DAY_ZERO, 28, "09:00")); // 89 of 97 %: 91.8 % of the donor share
        });
        assertThat(report.icaht()).singleElement().satisfies(g -> {
            assertThat(g.earlyGrade()).isEqualTo(4);
            assertThat(g.relapseDocumented()).isTrue();
            assertThat(g.lateGrade()).isZero();
        });
        GraftEpisode neutrophils = report.episodes().stream().filter(e -> e.kind() == AlertKind.NEUTROPHIL_ENGRAFTMENT).findFirst().orElseThrow();
        assertThat(neutrophils.summary()).isEqualTo("Neutrophil engraftment on day +13 (ANC 0.58, 0.86, 1.24 ×10⁹/L on 3 consecutive days)");
    }
}
