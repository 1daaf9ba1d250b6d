package org.graftwatch.graftmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.chimerism;

import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.CaseEvent.GraftKind;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

class ChimerismTest {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-10-30");
    private static final Transplant UCB_AND_PBSC = new Transplant(DAY_ZERO, List.of(GraftKind.UCB, GraftKind.PBSC));
    private static final LocalDate ENGRAFTED = DAY_ZERO.plusDays(12);
    private final Chimerism rule = new Chimerism(ClinicalDefaults.CHIMERISM);

    /** Motivating case: UCB-1 + PBSC-H on days +14, +21, +28, +42, +56, +70, +90. */
    private static List<ChimerismSample> motivatingCase() {
        return List.of(
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 14, 84, "UCB-1", 12, "PBSC-H", 72),
                chimerism(Lineage.CD33, DAY_ZERO, 14, 92, "UCB-1", 12, "PBSC-H", 80),
                chimerism(Lineage.CD3, DAY_ZERO, 14, 62, "UCB-1", 9, "PBSC-H", 53),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 21, 91, "UCB-1", 12, "PBSC-H", 79),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 96, "UCB-1", 11, "PBSC-H", 85),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 42, 98, "UCB-1", 8, "PBSC-H", 90),
                chimerism(Lineage.CD33, DAY_ZERO, 42, 99, "UCB-1", 8, "PBSC-H", 91),
                chimerism(Lineage.CD3, DAY_ZERO, 42, 86, "UCB-1", 7, "PBSC-H", 79),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 56, 99, "UCB-1", 8, "PBSC-H", 91),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 70, 100, "UCB-1", 8, "PBSC-H", 92),
                chimerism(Lineage.CD3, DAY_ZERO, 90, 99, "UCB-1", 5, "PBSC-H", 94));
    }

    @Test
    void motivatingCaseHasNoDeclineAndPbscBecomesDominantOnDay42() {
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, motivatingCase())).isEmpty();
        List<Chimerism.Dominance> dominance = rule.dominance(motivatingCase(), DAY_ZERO, null);
        assertThat(dominance).extracting(Chimerism.Dominance::lineage).containsExactly(Lineage.WHOLE_BLOOD, Lineage.CD3, Lineage.CD33);
        assertThat(dominance).allSatisfy(d -> {
            assertThat(d.source()).isEqualTo("PBSC-H");
            assertThat(d.since().toString()).startsWith("2025-12-11");
        });
        assertThat(dominance.get(0).shareOfDonor()).isCloseTo(91.8, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void dominanceNeedsNinetyPercentOfTheDonorShare() {
        // 88.8 % of the donor share on day +28 is not yet dominance
        assertThat(rule.dominance(List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 96, "UCB-1", 11, "PBSC-H", 85)), DAY_ZERO, null))
                .isEmpty();
        assertThat(rule.dominance(List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 100, "UCB-1", 10, "PBSC-H", 90)), DAY_ZERO, null))
                .singleElement().extracting(Chimerism.Dominance::source).isEqualTo("PBSC-H");
    }

    @Test
    void statusFromTheTotalDonorShare() {
        assertThat(rule.status(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 95))).isEqualTo(Chimerism.Status.FULL_DONOR);
        assertThat(rule.status(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 94.9))).isEqualTo(Chimerism.Status.MIXED);
        assertThat(rule.status(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 5))).isEqualTo(Chimerism.Status.MIXED);
        assertThat(rule.status(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 4.9))).isEqualTo(Chimerism.Status.GRAFT_LOSS);
    }

    @Test
    void aFallOfFivePointsIsADeclineFourIsNot() {
        List<ChimerismSample> four = List.of(chimerism(Lineage.CD3, DAY_ZERO, 28, 86), chimerism(Lineage.CD3, DAY_ZERO, 42, 82));
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, four)).isEmpty();
        List<ChimerismSample> five = List.of(chimerism(Lineage.CD3, DAY_ZERO, 28, 86), chimerism(Lineage.CD3, DAY_ZERO, 42, 81, "UCB-1", 6, "PBSC-H", 75));
        GraftEpisode decline = rule.declines(UCB_AND_PBSC, null, ENGRAFTED, five).get(0);
        assertThat(decline.kind()).isEqualTo(AlertKind.CHIMERISM_DECLINE);
        assertThat(decline.severity()).isEqualTo(Severity.WARNING);
        assertThat(decline.dayPostTransplant()).isEqualTo(42);
        assertThat(decline.summary()).contains("CD3+ T cells fell to 81 %").contains("PBSC-H 75 %").contains("from 86 %");
    }

    @Test
    void fallingBelowFullDonorIsADecline() {
        List<ChimerismSample> results = List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 96), chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 42, 95),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 56, 94));
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, results)).singleElement()
                .satisfies(e -> assertThat(e.dayPostTransplant()).isEqualTo(56));
        // never full donor: 94 -> 92 is no decline
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28, 94),
                chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 42, 92)))).isEmpty();
    }

    @Test
    void aFallOfTenPointsIsCriticalAndSupersedesTheWarning() {
        List<ChimerismSample> results = List.of(chimerism(Lineage.CD3, DAY_ZERO, 28, 90), chimerism(Lineage.CD3, DAY_ZERO, 42, 84),
                chimerism(Lineage.CD3, DAY_ZERO, 56, 80));
        List<GraftEpisode> episodes = rule.declines(UCB_AND_PBSC, null, ENGRAFTED, results);
        assertThat(episodes).extracting(GraftEpisode::severity).containsExactlyInAnyOrder(Severity.CRITICAL, Severity.WARNING);
        GraftEpisode critical = episodes.stream().filter(e -> e.severity() == Severity.CRITICAL).findFirst().orElseThrow();
        GraftEpisode warning = episodes.stream().filter(e -> e.severity() == Severity.WARNING).findFirst().orElseThrow();
        assertThat(critical.supersedesAnchor()).isEqualTo(warning.anchor());
        assertThat(critical.dayPostTransplant()).isEqualTo(56);
        assertThat(warning.dayPostTransplant()).isEqualTo(42);
    }

    @Test
    void belowNinetyInMyeloidCellsIsCriticalNotInTCells() {
        List<ChimerismSample> cd33 = List.of(chimerism(Lineage.CD33, DAY_ZERO, 28, 96), chimerism(Lineage.CD33, DAY_ZERO, 42, 89));
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, cd33)).singleElement()
                .satisfies(e -> {
                    assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(e.supersedesAnchor()).isNull();
                });
        List<ChimerismSample> cd3 = List.of(chimerism(Lineage.CD3, DAY_ZERO, 28, 96), chimerism(Lineage.CD3, DAY_ZERO, 42, 89));
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, cd3)).singleElement()
                .extracting(GraftEpisode::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void valuesBeforeEngraftmentAreNotTheReference() {
        List<ChimerismSample> results = List.of(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 7, 90), chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 14, 84));
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, results)).isEmpty();
        assertThat(rule.declines(UCB_AND_PBSC, null, null, results)).hasSize(1);
    }

    private List<GraftEpisode> wholeBlood(double... byFortnight) {
        List<ChimerismSample> results = new java.util.ArrayList<>();
        for (int i = 0; i < byFortnight.length; i++) {
            results.add(chimerism(Lineage.WHOLE_BLOOD, DAY_ZERO, 28 + 14 * i, byFortnight[i], "UCB-1", 1, "PBSC-H", byFortnight[i] - 1));
        }
        return rule.declines(UCB_AND_PBSC, null, ENGRAFTED, results);
    }

    @Test
    void backToFullDonorEndsTheDeclineAndASecondDeclineIsANewEpisode() {
        // 98 % on day +28, 94 % on day +42 (below full donor), 95 % on day +56 (full donor again), 93 % on day +70
        List<GraftEpisode> episodes = wholeBlood(98, 94, 95, 93);
        assertThat(episodes).hasSize(2);
        GraftEpisode first = episodes.get(0);
        GraftEpisode second = episodes.get(1);
        assertThat(first.dayPostTransplant()).isEqualTo(42);
        assertThat(first.endedAt()).isEqualTo(ClinicalDefaults.at(DAY_ZERO, 56, "09:00"));
        assertThat(first.summary()).endsWith("recovered to 95 % on 2025-12-25");
        assertThat(first.evidence()).extracting(e -> e.value()).containsExactly(98.0, 94.0, 95.0);
        assertThat(second.dayPostTransplant()).isEqualTo(70);
        assertThat(second.ended()).isFalse();
        assertThat(second.anchor()).isNotEqualTo(first.anchor()).startsWith("HSCT-2025-10-30-chimerism-wb-");
        assertThat(first.anchor()).isEqualTo("HSCT-2025-10-30-chimerism-wb-warning");
    }

    @Test
    void justBelowFullDonorIsNoRecoverySoTheFallThatFollowsIsTheSameEpisode() {
        assertThat(wholeBlood(98, 94, 94.9, 93)).singleElement().satisfies(e -> {
            assertThat(e.ended()).isFalse();
            assertThat(e.dayPostTransplant()).isEqualTo(42);
        });
    }

    @Test
    void withoutFullDonorStatusRecoveryIsBackWithinFivePointsOfTheBest() {
        List<ChimerismSample> recovered = List.of(chimerism(Lineage.CD3, DAY_ZERO, 28, 86), chimerism(Lineage.CD3, DAY_ZERO, 42, 81),
                chimerism(Lineage.CD3, DAY_ZERO, 56, 81.1), chimerism(Lineage.CD3, DAY_ZERO, 70, 80));
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, recovered)).extracting(GraftEpisode::dayPostTransplant, GraftEpisode::ended)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(42, true), org.assertj.core.groups.Tuple.tuple(70, false));
        List<ChimerismSample> still = List.of(chimerism(Lineage.CD3, DAY_ZERO, 28, 86), chimerism(Lineage.CD3, DAY_ZERO, 42, 81),
                chimerism(Lineage.CD3, DAY_ZERO, 56, 81), chimerism(Lineage.CD3, DAY_ZERO, 70, 80));
        assertThat(rule.declines(UCB_AND_PBSC, null, ENGRAFTED, still)).singleElement().extracting(GraftEpisode::ended).isEqualTo(false);
    }

    @Test
    void aRecoveryEndsTheWarningAndTheCriticalDeclineThatSupersededIt() {
        List<ChimerismSample> results = List.of(chimerism(Lineage.CD33, DAY_ZERO, 28, 99), chimerism(Lineage.CD33, DAY_ZERO, 42, 93),
                chimerism(Lineage.CD33, DAY_ZERO, 56, 88), chimerism(Lineage.CD33, DAY_ZERO, 70, 97), chimerism(Lineage.CD33, DAY_ZERO, 84, 89));
        List<GraftEpisode> episodes = rule.declines(UCB_AND_PBSC, null, ENGRAFTED, results);
        assertThat(episodes).extracting(GraftEpisode::severity, GraftEpisode::dayPostTransplant, GraftEpisode::ended).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 42, true), org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, 56, true),
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, 84, false));
        assertThat(episodes.get(2).supersedesAnchor()).as("a new decline starts afresh").isNull();
        assertThat(episodes.stream().map(GraftEpisode::anchor).distinct()).hasSize(3);
    }
}
