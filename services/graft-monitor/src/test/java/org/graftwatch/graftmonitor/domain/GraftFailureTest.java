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
            return rule.evaluate(transplant, null, anc, engraftment.evaluate(DAY_ZERO, null, anc), List.of(), now);
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
        void lateEngraftmentEndsThePrimaryFailureOnItsThirdDayUnlessTheGraftIsLost() {
            List<CountSample> anc = recoveringOn(31, 35);
            GraftEpisode failure = evaluate(UCB_AND_PBSC, anc, at(DAY_ZERO, 35, "08:00")).orElseThrow();
            assertThat(failure.dayPostTransplant()).isEqualTo(29);
            assertThat(failure.endedAt()).isEqualTo(at(DAY_ZERO, 33, "07:30"));
            assertThat(failure.summary()).contains("late neutrophil engraftment on day +31");
            // two days of recovery are not engraftment yet
            assertThat(evaluate(UCB_AND_PBSC, recoveringOn(31, 32), at(DAY_ZERO, 32, "08:00"))).get()
                    .extracting(GraftEpisode::ended).isEqualTo(false);
            // donor chimerism 3 %: the neutrophils are the patient's own, the graft failure stands
            List<ChimerismSample> lost = List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 30, 3, "UCB-1", 1, "PBSC-A", 2));
            assertThat(rule.evaluate(UCB_AND_PBSC, null, anc, engraftment.evaluate(DAY_ZERO, null, anc), lost, at(DAY_ZERO, 35, "08:00")))
                    .get().extracting(GraftEpisode::ended).isEqualTo(false);
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
            return rule.evaluate(UCB_AND_PBSC, null, engraftment.evaluate(DAY_ZERO, null, anc).orElseThrow(), anc, chimerism).stream()
                    .findFirst();
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
    class SecondaryRecovery {
        private final SecondaryGraftFailure rule = new SecondaryGraftFailure(ClinicalDefaults.FAILURE);

        private List<GraftEpisode> evaluate(List<CountSample> anc, List<ChimerismSample> chimerism) {
            return rule.evaluate(UCB_AND_PBSC, null, engraftment.evaluate(DAY_ZERO, null, anc).orElseThrow(), anc, chimerism);
        }

        /** Engrafted on day +13, then ANC below 0.5 on days +21..+23, then {@code after} from day +24. */
        private List<CountSample> failingThen(double... after) {
            List<CountSample> anc = new ArrayList<>(recoveringOn(13, 20));
            anc.addAll(daily("anc", DAY_ZERO, 21, 0.3, 0.2, 0.1));
            anc.addAll(daily("anc", DAY_ZERO, 24, after));
            return anc;
        }

        @Test
        void threeDaysAtOrAboveHalfEndTheFailureTwoDoNot() {
            assertThat(evaluate(failingThen(0.5, 0.7, 0.4), List.of())).singleElement().extracting(GraftEpisode::ended).isEqualTo(false);
            GraftEpisode failure = evaluate(failingThen(0.5, 0.7, 0.9), List.of()).get(0);
            assertThat(failure.endedAt()).isEqualTo(at(DAY_ZERO, 26, "07:30"));
            assertThat(failure.summary()).contains("ANC recovered to 0.5, 0.7, 0.9");
        }

        @Test
        void aSecondFallAfterRecoveryIsANewEpisode() {
            List<GraftEpisode> episodes = evaluate(failingThen(0.8, 0.9, 1.1, 0.4, 0.3, 0.2), List.of());
            assertThat(episodes).extracting(GraftEpisode::dayPostTransplant, GraftEpisode::ended)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(23, true), org.assertj.core.groups.Tuple.tuple(29, false));
            assertThat(episodes.get(1).anchor()).isNotEqualTo(episodes.get(0).anchor());
        }

        @Test
        void neutrophilsWithoutDonorCellsAreNoRecovery() {
            List<ChimerismSample> lost = List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 25, 2, "UCB-1", 1, "PBSC-A", 1));
            assertThat(evaluate(failingThen(0.8, 0.9, 1.1), lost)).singleElement().satisfies(e -> {
                assertThat(e.ended()).isFalse();
                assertThat(e.severity()).as("graft loss shown while it lasts").isEqualTo(Severity.CRITICAL);
            });
        }
    }

    @Nested
    class PoorFunction {
        private final PoorGraftFunction rule = new PoorGraftFunction(ClinicalDefaults.FAILURE);

        private Optional<GraftEpisode> evaluate(List<CountSample> anc, List<CountSample> platelets, List<CountSample> hb,
                                                double donorChimerism) {
            return rule.evaluate(UCB_AND_PBSC, null, ClinicalDefaults.history(List.of(UCB_AND_PBSC), List.of(), anc, platelets, hb,
                    List.of(), List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 21, donorChimerism, "PBSC-A", donorChimerism)), null))
                    .stream().findFirst();
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
    
        private List<GraftEpisode> course(List<CountSample> anc, List<CountSample> platelets, List<CountSample> hb) {
            return rule.evaluate(UCB_AND_PBSC, null, ClinicalDefaults.history(List.of(UCB_AND_PBSC), List.of(), anc, platelets, hb,
                    List.of(), List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 21, 99, "PBSC-A", 99)), null));
        }

        @Test
        void threeDaysWithTwoCountsAboveTheirThresholdsEndItAndALaterRunIsANewEpisode() {
            List<CountSample> anc = new ArrayList<>(repeated("anc", DAY_ZERO, 29, 31, 0.3));
            anc.addAll(repeated("anc", DAY_ZERO, 32, 34, 0.6));
            anc.addAll(repeated("anc", DAY_ZERO, 35, 37, 0.2));
            List<CountSample> platelets = new ArrayList<>(repeated("plt", DAY_ZERO, 29, 31, 12));
            platelets.addAll(repeated("plt", DAY_ZERO, 32, 34, 21));
            platelets.addAll(repeated("plt", DAY_ZERO, 35, 37, 15));
            List<GraftEpisode> episodes = course(anc, platelets, List.of());
            assertThat(episodes).extracting(GraftEpisode::dayPostTransplant, GraftEpisode::ended)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(31, true), org.assertj.core.groups.Tuple.tuple(37, false));
            assertThat(episodes.get(0).endedAt()).isEqualTo(at(DAY_ZERO, 34, "07:30"));
            assertThat(episodes.get(0).summary()).contains("recovered on 2025-04-06");
        }

        @Test
        void aDayWithOnlyOneNormalCountProvesNoRecovery() {
            List<CountSample> anc = new ArrayList<>(repeated("anc", DAY_ZERO, 29, 31, 0.3));
            anc.addAll(repeated("anc", DAY_ZERO, 32, 34, 0.6));
            List<CountSample> platelets = repeated("plt", DAY_ZERO, 29, 31, 12);
            assertThat(course(anc, platelets, List.of())).singleElement().extracting(GraftEpisode::ended).isEqualTo(false);
            // the platelets of day +34 are still at 20: two days of recovery only
            List<CountSample> recovering = new ArrayList<>(platelets);
            recovering.addAll(daily("plt", DAY_ZERO, 32, 21, 25, 20));
            assertThat(course(anc, recovering, List.of())).singleElement().extracting(GraftEpisode::ended).isEqualTo(false);
        }
    }
}
