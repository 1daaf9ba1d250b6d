package org.graftwatch.graftmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.daily;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.repeated;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class HaematotoxicityAfterCarTTest {
    private final HaematotoxicityAfterCarT rule = new HaematotoxicityAfterCarT(ClinicalDefaults.ICAHT);

    private static GraftHistory history(LocalDate carT, List<CountSample> anc, List<CountSample> marrowBlasts, List<CountSample> bloodBlasts) {
        return new GraftHistory(List.of(), List.of(carT), anc, List.of(), List.of(), List.of(), marrowBlasts, bloodBlasts, List.of(), null, null);
    }

    private List<GraftEpisode> evaluate(LocalDate carT, List<CountSample> anc) {
        return rule.evaluate(carT, null, history(carT, anc, List.of(), List.of()), d -> null);
    }

    @Test
    void motivatingCaseIsEarlyGrade3OnTheFourteenthNeutropenicDay() {
        // CAR-CLL1 on 2025-09-08: ANC 0.86 on day 0, then 0.13-0.38 every day, never < 0.1
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = daily("anc", carT, 0, 0.86, 0.38, 0.29, 0.22, 0.19, 0.17, 0.21, 0.18, 0.24, 0.27, 0.22, 0.31, 0.26,
                0.29, 0.24, 0.33, 0.28, 0.3, 0.26, 0.22, 0.19, 0.2, 0.17, 0.15, 0.16, 0.14, 0.15, 0.13, 0.16, 0.14, 0.13);
        List<GraftEpisode> episodes = evaluate(carT, anc);
        assertThat(episodes).hasSize(1);
        GraftEpisode grade3 = episodes.get(0);
        assertThat(grade3.kind()).isEqualTo(AlertKind.POOR_COUNT_RECOVERY);
        assertThat(grade3.severity()).isEqualTo(Severity.WARNING);
        assertThat(grade3.onsetAt().toString()).startsWith("2025-09-22");
        assertThat(grade3.evidence()).hasSize(14);
        assertThat(grade3.summary()).contains("Early ICAHT grade 3").contains("CAR-T day +14");
        assertThat(rule.grade(carT, null, history(carT, anc, List.of(), List.of())).earlyGrade()).isEqualTo(3);
    }

    @Test
    void seedCaseReachesGrade4BeforeGrade3SoOnlyGrade4IsRaised() {
        // CAR-CLL1 on 2025-01-06: 0.42, 0.24, 0.13, then 0.02-0.07 from day +3
        LocalDate carT = LocalDate.parse("2025-01-06");
        List<CountSample> anc = new ArrayList<>(daily("anc", carT, 0, 0.42, 0.24, 0.13));
        anc.addAll(repeated("anc", carT, 3, 30, 0.05));
        List<GraftEpisode> episodes = evaluate(carT, anc);
        assertThat(episodes).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.onsetAt().toString()).startsWith("2025-01-15");
            assertThat(e.supersedesAnchor()).isNull();
        });
    }

    @Test
    void thirteenDaysAreGrade2FourteenAreGrade3AndExactlyHalfCounts() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> thirteen = new ArrayList<>(repeated("anc", carT, 1, 13, 0.5));
        thirteen.add(ClinicalDefaults.sample("anc", carT, 14, 0.51));
        assertThat(evaluate(carT, thirteen)).isEmpty();
        assertThat(rule.grade(carT, null, history(carT, thirteen, List.of(), List.of())).earlyGrade()).isEqualTo(2);
        assertThat(evaluate(carT, repeated("anc", carT, 1, 14, 0.5))).hasSize(1);
    }

    @Test
    void grade4AfterGrade3SupersedesIt() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = new ArrayList<>(repeated("anc", carT, 0, 15, 0.3));
        anc.addAll(repeated("anc", carT, 16, 22, 0.09));
        List<GraftEpisode> episodes = evaluate(carT, anc);
        assertThat(episodes).extracting(GraftEpisode::severity).containsExactly(Severity.WARNING, Severity.CRITICAL);
        assertThat(episodes.get(1).supersedesAnchor()).isEqualTo(episodes.get(0).anchor());
        assertThat(episodes.get(1).onsetAt().toString()).startsWith("2025-09-30");
    }

    @Test
    void exactlyPointOneIsNotProfound() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        assertThat(evaluate(carT, repeated("anc", carT, 1, 7, 0.1))).isEmpty();
        assertThat(evaluate(carT, repeated("anc", carT, 1, 7, 0.09))).singleElement()
                .extracting(GraftEpisode::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void lateIcahtOnlyWithoutRelapseAndNotOnATransientDip() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = new ArrayList<>(repeated("anc", carT, 0, 30, 1.2));
        anc.addAll(daily("anc", carT, 31, 0.4, 0.9, 0.45, 0.4));
        List<GraftEpisode> late = evaluate(carT, anc);
        assertThat(late).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(HaematotoxicityAfterCarT.LATE);
            assertThat(e.severity()).isEqualTo(Severity.WARNING);
            assertThat(e.onsetAt().toString()).startsWith("2025-10-12");
        });
        // marrow blasts of 5 % on CAR-T day +25: relapse documented, late ICAHT is not graded
        List<CountSample> marrow = List.of(ClinicalDefaults.sample("bm", carT, 25, 5));
        assertThat(rule.evaluate(carT, null, history(carT, anc, marrow, List.of()), d -> null)).isEmpty();
        List<CountSample> belowFive = List.of(ClinicalDefaults.sample("bm", carT, 25, 4.9));
        assertThat(rule.evaluate(carT, null, history(carT, anc, belowFive, List.of()), d -> null)).hasSize(1);
        // blasts reappearing in the blood after a 0 % result are relapse too
        List<CountSample> blood = daily("pb", carT, 20, 0, 0, 4);
        assertThat(rule.evaluate(carT, null, history(carT, anc, List.of(), blood), d -> null)).isEmpty();
    }

    @Test
    void theNextTransplantEndsTheCarTPhase() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = repeated("anc", carT, 1, 20, 0.3);
        assertThat(rule.evaluate(carT, carT.plusDays(14), history(carT, anc, List.of(), List.of()), d -> null)).isEmpty();
        assertThat(rule.evaluate(carT, carT.plusDays(15), history(carT, anc, List.of(), List.of()), d -> null)).hasSize(1);
    }

    @Test
    void earlyGrade3EndsOnTheThirdDayAboveHalfAndExactlyHalfIsNoRecovery() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = new ArrayList<>(repeated("anc", carT, 1, 14, 0.3));
        anc.addAll(daily("anc", carT, 15, 0.6, 0.9, 1.3));
        GraftEpisode grade3 = evaluate(carT, anc).get(0);
        assertThat(grade3.endedAt().toString()).startsWith("2025-09-25");
        assertThat(grade3.summary()).contains("counts recovered: ANC 0.6, 0.9, 1.3");
        assertThat(grade3.evidence()).hasSize(17);

        List<CountSample> atHalf = new ArrayList<>(repeated("anc", carT, 1, 14, 0.3));
        atHalf.addAll(daily("anc", carT, 15, 0.6, 0.5, 1.3, 1.4, 1.5));
        assertThat(evaluate(carT, atHalf).get(0).endedAt().toString()).as("the run restarts after 0.5").startsWith("2025-09-27");
        List<CountSample> twoDays = new ArrayList<>(repeated("anc", carT, 1, 14, 0.3));
        twoDays.addAll(daily("anc", carT, 15, 0.6, 0.9));
        assertThat(evaluate(carT, twoDays).get(0).ended()).isFalse();
    }

    @Test
    void grade4AndTheGrade3ItSupersededEndTogetherWhenCountsRecover() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = new ArrayList<>(repeated("anc", carT, 0, 15, 0.3));
        anc.addAll(repeated("anc", carT, 16, 22, 0.09));
        anc.addAll(repeated("anc", carT, 23, 40, 1.1));
        assertThat(evaluate(carT, anc)).extracting(GraftEpisode::severity, e -> e.endedAt().toString().substring(0, 10)).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "2025-10-03"), org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "2025-10-03"));
    }

    @Test
    void lateIcahtEndsWithRecoveryOrWhenRelapseIsDocumented() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = new ArrayList<>(repeated("anc", carT, 0, 30, 1.2));
        anc.addAll(daily("anc", carT, 31, 0.4, 0.45, 0.7, 0.4, 0.8, 0.9));
        assertThat(evaluate(carT, anc)).singleElement().satisfies(e -> {
            assertThat(e.onsetAt().toString()).startsWith("2025-10-10");
            assertThat(e.endedAt().toString()).as("two consecutive results above 0.5").startsWith("2025-10-14");
        });
        List<CountSample> stillLow = new ArrayList<>(repeated("anc", carT, 0, 30, 1.2));
        stillLow.addAll(daily("anc", carT, 31, 0.4, 0.45, 0.3, 0.3));
        List<CountSample> marrow = List.of(ClinicalDefaults.sample("bm", carT, 36, 30));
        assertThat(rule.evaluate(carT, null, history(carT, stillLow, marrow, List.of()), d -> null)).singleElement().satisfies(e -> {
            assertThat(e.endedAt().toString()).startsWith("2025-10-14");
            assertThat(e.summary()).contains("relapse documented");
        });
    }

    @Test
    void anOpenEpisodeEndsWithItsPhaseAtTheNextTransplant() {
        LocalDate carT = LocalDate.parse("2025-09-08");
        List<CountSample> anc = repeated("anc", carT, 1, 30, 0.3);
        assertThat(rule.evaluate(carT, carT.plusDays(20), history(carT, anc, List.of(), List.of()), d -> null)).singleElement()
                .satisfies(e -> {
                    assertThat(e.endedAt()).isEqualTo(java.time.Instant.parse("2025-09-28T00:00:00Z"));
                    assertThat(e.summary()).contains("next HSCT or CAR-T on 2025-09-28");
                });
    }
}
