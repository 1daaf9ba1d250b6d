package org.graftwatch.graftmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.daily;
import static org.graftwatch.graftmonitor.domain.ClinicalDefaults.transfusion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlateletEngraftmentTest {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");
    private final PlateletEngraftment rule = new PlateletEngraftment(ClinicalDefaults.PLATELET);

    private List<CountSample> platelets(int firstDay, double... values) {
        return daily("plt", DAY_ZERO, firstDay, values);
    }

    @Test
    void motivatingCaseEngraftsOnDay22TenDaysAfterTheLastTransfusion() {
        // seed case: transfused on day +12 (count 26 on day +13 stands alone), untransfused 12-19 on days +15..+21
        List<CountSample> counts = new ArrayList<>(platelets(1, 30, 22, 15, 11, 9, 8, 12, 10, 9, 11, 8, 9, 26, 18,
                12, 14, 15, 16, 17, 18, 19, 23, 28, 34));
        List<CountSample> transfusions = List.of(transfusion(DAY_ZERO, 3), transfusion(DAY_ZERO, 6), transfusion(DAY_ZERO, 9),
                transfusion(DAY_ZERO, 12));
        Engraftment e = rule.evaluate(DAY_ZERO, null, counts, transfusions, null).orElseThrow();
        assertThat(e.dayPostTransplant()).isEqualTo(22);
        assertThat(e.onsetDate()).isEqualTo(LocalDate.parse("2025-03-25"));
        assertThat(e.evidence()).extracting(CountSample::value).containsExactly(23.0, 28.0, 34.0);
    }

    @Test
    void exactlyTwentyCountsAndJustBelowDoesNot() {
        assertThat(rule.evaluate(DAY_ZERO, null, platelets(1, 12, 20, 20, 20), List.of(), null)).map(Engraftment::dayPostTransplant).contains(2);
        assertThat(rule.evaluate(DAY_ZERO, null, platelets(1, 12, 20, 19.9, 20), List.of(), null)).isEmpty();
    }

    @Test
    void onlyTwoConsecutiveDaysIsNotEngraftment() {
        assertThat(rule.evaluate(DAY_ZERO, null, platelets(1, 12, 25, 30, 18), List.of(), null)).isEmpty();
    }

    @Test
    void aTransfusionSixDaysBeforeDisqualifiesEightDaysBeforeDoesNot() {
        List<CountSample> counts = platelets(10, 12, 15, 14, 16, 18, 17, 19, 18, 24, 31, 38); // run from day +18
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(transfusion(DAY_ZERO, 10)), null)).map(Engraftment::dayPostTransplant)
                .contains(18);
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(transfusion(DAY_ZERO, 12)), null)).isEmpty();
        // the seventh day before still belongs to the window
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(transfusion(DAY_ZERO, 11)), null)).isEmpty();
    }

    @Test
    void aRunRightAfterATransfusionDoesNotCountButALaterOneDoes() {
        // fn-to-shock: 44, 31, 23 on days +3..+5 follow the transfusion of day +2
        List<CountSample> counts = platelets(1, 15, 12, 44, 31, 23, 14, 12);
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(transfusion(DAY_ZERO, 2)), null)).isEmpty();
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(), null)).map(Engraftment::dayPostTransplant).contains(3);
    }

    @Test
    void aTransfusionDuringTheRunDisqualifiesIt() {
        List<CountSample> counts = platelets(1, 12, 25, 30, 35);
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(transfusion(DAY_ZERO, 3)), null)).isEmpty();
    }

    @Test
    void countsBeforeTheNadirDoNotCount() {
        assertThat(rule.evaluate(DAY_ZERO, null, platelets(1, 80, 60, 40, 25, 19), List.of(), null)).isEmpty();
    }

    @Test
    void aRunIsConcludedOnlyOnceEverySenderHasReportedPastIt() {
        // the ward system documenting transfusions lags the laboratory: its day +2 transfusion may still be coming
        List<CountSample> counts = platelets(1, 15, 12, 44, 31, 23);
        java.time.Instant lastCount = counts.get(counts.size() - 1).at();
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(), lastCount.minusSeconds(1))).isEmpty();
        assertThat(rule.evaluate(DAY_ZERO, null, counts, List.of(), lastCount)).map(Engraftment::dayPostTransplant).contains(3);
    }
}
