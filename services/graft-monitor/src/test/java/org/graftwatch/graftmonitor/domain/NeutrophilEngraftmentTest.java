package org.graftwatch.graftmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeutrophilEngraftmentTest {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");
    private final NeutrophilEngraftment rule = new NeutrophilEngraftment(new EngraftmentCriteria(0.5, 3));

    /** One ANC per day from day +1, values in day order. */
    private static List<CountSample> daily(double... values) {
        List<CountSample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(sample(i + 1, "07:30", values[i]));
        }
        return samples;
    }

    private static CountSample sample(int day, String time, double value) {
        return new CountSample("anc-d" + day + "-" + time, Instant.parse(DAY_ZERO.plusDays(day) + "T" + time + ":00Z"), value);
    }

    @Test
    void motivatingCaseEngraftsOnTheFirstOfThreeDays() {
        // seed case: nadir 0.01 to day +12 (0.44), then 0.58, 0.86, 1.24 on days +13..+15
        double[] values = new double[15];
        java.util.Arrays.fill(values, 0, 11, 0.01);
        values[11] = 0.44;
        values[12] = 0.58;
        values[13] = 0.86;
        values[14] = 1.24;
        Engraftment e = rule.evaluate(DAY_ZERO, null, daily(values)).orElseThrow();
        assertThat(e.onsetDate()).isEqualTo(LocalDate.parse("2025-03-16"));
        assertThat(e.dayPostTransplant()).isEqualTo(13);
        assertThat(e.evidence()).extracting(CountSample::value).containsExactly(0.58, 0.86, 1.24);
    }

    @Test
    void exactlyHalfCountsAndJustBelowDoesNot() {
        assertThat(rule.evaluate(DAY_ZERO, null, daily(0.1, 0.5, 0.5, 0.5))).map(Engraftment::dayPostTransplant).contains(2);
        assertThat(rule.evaluate(DAY_ZERO, null, daily(0.1, 0.5, 0.49, 0.5))).isEmpty();
    }

    @Test
    void onlyTwoConsecutiveDaysIsNotEngraftment() {
        assertThat(rule.evaluate(DAY_ZERO, null, daily(0.1, 0.6, 0.7, 0.4, 0.8, 0.9))).isEmpty();
        assertThat(rule.evaluate(DAY_ZERO, null, daily(0.1, 0.6, 0.7, 0.4, 0.8, 0.9, 1.0)))
                .map(Engraftment::dayPostTransplant).contains(5);
    }

    @Test
    void aDayWithoutResultBreaksTheRun() {
        List<CountSample> samples = new ArrayList<>(List.of(sample(1, "07:00", 0.1), sample(2, "07:00", 0.6),
                sample(4, "07:00", 0.7), sample(5, "07:00", 0.8)));
        assertThat(rule.evaluate(DAY_ZERO, null, samples)).isEmpty();
        samples.add(sample(6, "07:00", 0.9));
        assertThat(rule.evaluate(DAY_ZERO, null, samples)).map(Engraftment::dayPostTransplant).contains(4);
    }

    @Test
    void countsBeforeTheNadirDoNotCount() {
        // uneventful case: 1.1, 0.8, 0.55 on days 0..+2 precede the aplasia
        List<CountSample> samples = new ArrayList<>(List.of(sample(0, "07:00", 1.1)));
        samples.addAll(daily(0.8, 0.55, 0.7, 0.3, 0.01));
        assertThat(rule.evaluate(DAY_ZERO, null, samples)).isEmpty();
    }

    @Test
    void noNadirMeansNoEngraftmentYet() {
        assertThat(rule.evaluate(DAY_ZERO, null, daily(0.9, 0.8, 0.7, 0.6))).isEmpty();
    }

    @Test
    void aLowValueTheSameDayDisqualifiesTheDay() {
        List<CountSample> samples = new ArrayList<>(daily(0.1, 0.6, 0.7, 0.8));
        samples.add(sample(3, "18:00", 0.45));
        assertThat(rule.evaluate(DAY_ZERO, null, samples)).isEmpty();
    }

    @Test
    void aLateResultIsPlacedByEventTime() {
        List<CountSample> arrival = new ArrayList<>(List.of(sample(1, "07:00", 0.1), sample(2, "07:00", 0.6), sample(4, "07:00", 0.8)));
        assertThat(rule.evaluate(DAY_ZERO, null, arrival)).isEmpty();
        arrival.add(sample(3, "07:00", 0.7)); // the day +3 result arrives last
        assertThat(rule.evaluate(DAY_ZERO, null, arrival)).map(Engraftment::dayPostTransplant).contains(2);
    }

    @Test
    void countsFromTheNextTransplantBelongToIt() {
        List<CountSample> samples = daily(0.1, 0.6, 0.7, 0.8);
        assertThat(rule.evaluate(DAY_ZERO, DAY_ZERO.plusDays(4), samples)).isEmpty();
        assertThat(rule.evaluate(DAY_ZERO, DAY_ZERO.plusDays(5), samples)).isPresent();
    }
}
