package org.graftwatch.graftmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.at;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.chimerism;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.daily;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.repeated;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.CaseEvent.GraftKind;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraftFailureTest {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");
    private static final Transplant UCB_AND_PBSC = new Transplant(DAY_ZERO, List.of(GraftKind.UCB, GraftKind.PBSC));
    private static final Transplant CORD_ONLY = new Transplant(DAY_ZERO, List.of(GraftKind.UCB, GraftKind.UCB));
    private final NeutrophilEngraftment engraftment = new NeutrophilEngraftment(ClinicalDefaults.NEUTROPHIL);

    /** Aplasia from day +1, then ANC 0.6 from {@code recoveryDay} on, to {@code lastDay}. */
    private static List<CountSample> recoveringOn(int recoveryDay, int lastDay) {
        List<CountSample> anc = new ArrayList<>(repeated("anc", DAY_ZERO, 1, recoveryDay - 1, 0.02));
        anc.addAll(repeated("anc", DAY_ZERO, recoveryDay, lastDay, 0.6));
        return anc;
    }

    @Nested
    class Primary {
        private final PrimaryGraftFailure rule = new PrimaryGraftFailure(ClinicalDefaults.FAILURE, ClinicalDefaults.NEUTROPHIL);

        private Optional<GraftEpisode> evaluate(Transplant transplant, List<CountSample> anc, Instant now) {
            return rule.evaluate(transplant, null, anc, engraftment.evaluate(DAY_ZERO, null, anc), now);
        }

        @Test
        void engraftmentOnDay28IsInTimeOnDay29ItIsNot() {
            List<CountSample> onDay28 = recoveringOn(28, 32);
            assertThat(evaluate(UCB_AND_PBSC, onDay28, at(DAY_ZERO, 32, "08:00"))).isEmpty();

            List<CountSample> onDay29 = recoveringOn(29, 32);
            GraftEpisode failure = evaluate(UCB_AND_PBSC, onDay29, at(DAY_ZERO, 32, "08:00")).orElseThrow();
            assertThat(failure.kind()).isEqualTo(AlertKind.GRAFT_FAILURE);
            assertThat(failure.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(failure.dayPostTransplant()).isEqualTo(29);
            assertThat(failure.onsetAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
            assertThat(failure.summary()).contains("day +28").contains("PBSC or marrow");
        }

        @Test
        void clinicalTimeOnDay28IsTooEarlyToJudgeDay29IsNot() {
            List<CountSample> aplastic = repeated("anc", DAY_ZERO, 1, 29, 0.02);
            assertThat(evaluate(UCB_AND_PBSC, aplastic, at(DAY_ZERO, 28, "23:59"))).isEmpty();
            assertThat(evaluate(UCB_AND_PBSC, aplastic, at(DAY_ZERO, 29, "00:00"))).isPresent();
            assertThat(evaluate(UCB_AND_PBSC, aplastic, null)).isEmpty();
        }

        @Test
        void aCordOnlyGraftHasUntilDay42AndAMixedGraftOnlyUntilDay28() {
            List<CountSample> aplastic = repeated("anc", DAY_ZERO, 1, 43, 0.02);
            assertThat(evaluate(CORD_ONLY, aplastic, at(DAY_ZERO, 35, "08:00"))).isEmpty();
            assertThat(evaluate(UCB_AND_PBSC, aplastic, at(DAY_ZERO, 35, "08:00"))).isPresent();
            GraftEpisode cord = evaluate(CORD_ONLY, aplastic, at(DAY_ZERO, 43, "08:00")).orElseThrow();
            assertThat(cord.dayPostTransplant()).isEqualTo(43);
            assertThat(cord.summary()).contains("day +42").contains("cord-blood-only");
            assertThat(evaluate(CORD_ONLY, recoveringOn(40, 45), at(DAY_ZERO, 45, "08:00"))).isEmpty();
        }

        @Test
        void aRunBegunByTheDeadlineIsAwaited() {
            // ANC >= 0.5 on days +27 and +28: engraftment may yet be dated day +27
            List<CountSample> anc = recoveringOn(27, 28);
            assertThat(evaluate(UCB_AND_PBSC, anc, at(DAY_ZERO, 29, "06:00"))).isEmpty();
            List<CountSample> broken = new ArrayList<>(anc);
            broken.add(ClinicalDefaults.sample("anc", DAY_ZERO, 29, 0.3));
            assertThat(evaluate(UCB_AND_PBSC, broken, at(DAY_ZERO, 29, "08:00"))).isPresent();
        }

        @Test
        void withoutANadirThereIsNothingToJudge() {
            assertThat(evaluate(UCB_AND_PBSC, repeated("anc", DAY_ZERO, 1, 30, 0.9), at(DAY_ZERO, 30, "08:00"))).isEmpty();
        }
    }

    @Nested
    class Secondary {
        private final SecondaryGraftFailure rule = new SecondaryGraftFailure(ClinicalDefaults.FAILURE);

        private Optional<GraftEpisode> evaluate(List<CountSample> anc, List<ChimerismSample> chimerism) {
            return rule.evaluate(UCB_AND_PBSC, null, engraftment.evaluate(DAY_ZERO, null, anc).orElseThrow(), anc, chimerism);
        }

        @Test
        void threeDaysBelowHalfAfterEngraftmentIsFailureTwoAreNot() {
            List<CountSample> anc = new ArrayList<>(recoveringOn(13, 20));
            anc.addAll(daily("anc", DAY_ZERO, 21, 0.4, 0.3, 0.6));
            assertThat(evaluate(anc, List.of())).isEmpty();

            anc.addAll(daily("anc", DAY_ZERO, 24, 0.4, 0.3, 0.2));
            GraftEpisode failure = evaluate(anc, List.of()).orElseThrow();
            assertThat(failure.dayPostTransplant()).isEqualTo(26);
            assertThat(failure.severity()).isEqualTo(Severity.WARNING);
            assertThat(failure.evidence()).extracting(e -> e.value()).containsExactly(0.4, 0.3, 0.2);
        }

        @Test
        void exactlyHalfIsNotBelowHalf() {
            List<CountSample> anc = new ArrayList<>(recoveringOn(13, 20));
            anc.addAll(daily("anc", DAY_ZERO, 21, 0.4, 0.5, 0.3));
            assertThat(evaluate(anc, List.of())).isEmpty();
        }

        @Test
        void graftLossMakesItCritical() {
            List<CountSample> anc = new ArrayList<>(recoveringOn(13, 20));
            anc.addAll(daily("anc", DAY_ZERO, 21, 0.3, 0.2, 0.1));
            assertThat(evaluate(anc, List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 22, 4, "UCB-1", 1, "PBSC-A", 3))))
                    .map(GraftEpisode::severity).contains(Severity.CRITICAL);
            assertThat(evaluate(anc, List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 22, 5, "UCB-1", 2, "PBSC-A", 3))))
                    .map(GraftEpisode::severity).contains(Severity.WARNING);
        }
    }

    @Nested
    class PoorFunction {
        private final PoorGraftFunction rule = new PoorGraftFunction(ClinicalDefaults.FAILURE);

        private Optional<GraftEpisode> evaluate(List<CountSample> anc, List<CountSample> platelets, List<CountSample> hb,
                                                double donorChimerism) {
            return rule.evaluate(UCB_AND_PBSC, null, ClinicalDefaults.history(List.of(UCB_AND_PBSC), List.of(), anc, platelets, hb,
                    List.of(), List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 21, donorChimerism, "PBSC-A", donorChimerism)), null));
        }

        @Test
        void twoCytopeniasOnThreeDaysAfterDay28WithAFullDonorGraft() {
            GraftEpisode pgf = evaluate(repeated("anc", DAY_ZERO, 29, 31, 0.5), repeated("plt", DAY_ZERO, 29, 31, 20),
                    repeated("hb", DAY_ZERO, 29, 31, 95), 99).orElseThrow();
            assertThat(pgf.kind()).isEqualTo(AlertKind.GRAFT_FAILURE);
            assertThat(pgf.severity()).isEqualTo(Severity.WARNING);
            assertThat(pgf.dayPostTransplant()).isEqualTo(31);
            assertThat(pgf.summary()).contains("ANC 0.5").contains("platelets 20").contains("99 %");
        }

        @Test
        void day28DoesNotCountDay29Does() {
            assertThat(evaluate(repeated("anc", DAY_ZERO, 27, 29, 0.3), repeated("plt", DAY_ZERO, 27, 29, 12), List.of(), 99)).isEmpty();
            assertThat(evaluate(repeated("anc", DAY_ZERO, 29, 31, 0.3), repeated("plt", DAY_ZERO, 29, 31, 12), List.of(), 99)).isPresent();
        }

        @Test
        void onlyTwoDaysOrOnlyOneCytopeniaIsNotPoorGraftFunction() {
            assertThat(evaluate(repeated("anc", DAY_ZERO, 29, 30, 0.3), repeated("plt", DAY_ZERO, 29, 30, 12), List.of(), 99)).isEmpty();
            assertThat(evaluate(repeated("anc", DAY_ZERO, 29, 31, 0.3), repeated("plt", DAY_ZERO, 29, 31, 21),
                    repeated("hb", DAY_ZERO, 29, 31, 71), 99)).isEmpty();
            assertThat(evaluate(List.of(), repeated("plt", DAY_ZERO, 29, 31, 15), repeated("hb", DAY_ZERO, 29, 31, 70), 99)).isPresent();
        }

        @Test
        void withoutFullDonorChimerismItIsNotPoorGraftFunction() {
            assertThat(evaluate(repeated("anc", DAY_ZERO, 29, 31, 0.3), repeated("plt", DAY_ZERO, 29, 31, 12), List.of(), 95)).isEmpty();
            assertThat(evaluate(repeated("anc", DAY_ZERO, 29, 31, 0.3), repeated("plt", DAY_ZERO, 29, 31, 12), List.of(), 95.5)).isPresent();
        }
    }
}
