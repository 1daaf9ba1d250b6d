package org.graftwatch.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.junit.jupiter.api.Test;

/** NEWS2, qSOFA and SOFA at their band edges and on hand-computed rounds of the scenarios. */
class InfectionScoresTest {
    static final SepsisCriteria SEPSIS_3 = new SepsisCriteria(38.0, 36.0, 0.5, Duration.ofHours(48), Duration.ofHours(12),
            Duration.ofHours(36), 22, 100, 15, 2, 7, 2, Duration.ofHours(72));
    private static final Duration WINDOW = Duration.ofHours(12);
    private static final Instant T = Instant.parse("2025-02-04T02:00:00Z");

    @Test
    void news2OfTheSeedCaseRoundAt0200IsNine() {
        // RR 24 = 2, SpO2 94 = 1, air = 0, SBP 96 = 2, pulse 124 = 2, alert = 0, T 39.3 = 2
        PatientSeries series = new SeriesBuilder().round("2025-02-04T02:00:00Z", 24, 94, 96, 124, 39.3).build();
        News2.Score score = News2.at(series, T, WINDOW);
        assertThat(score.total()).isEqualTo(9);
        assertThat(score.used()).extracting(Evidence::code).contains("9279-1", "59408-5", "oxygen-supplement", "8480-6", "8867-4",
                "consciousness", "8310-5");
    }

    @Test
    void news2OfTheFnToShockRecheckIsSixThenTenOnOxygenAndConfusion() {
        // T 38.6 = 1, pulse 108 = 1, RR 23 = 2, SBP 98 = 2, SpO2 96 = 0, air, alert: 6
        PatientSeries six = new SeriesBuilder().round("2025-02-04T02:00:00Z", 23, 96, 98, 108, 38.6).build();
        assertThat(News2.at(six, T, WINDOW).total()).isEqualTo(6);
        // the same with oxygen (2) and new confusion (3): 11
        PatientSeries eleven = new SeriesBuilder().round("2025-02-04T01:00:00Z", 23, 96, 98, 108, 38.6)
                .add(Analyte.OXYGEN_SUPPLEMENT, "2025-02-04T02:00:00Z", 1).add(Analyte.CONSCIOUSNESS, "2025-02-04T02:00:00Z", 1).build();
        assertThat(News2.at(eleven, T, WINDOW).total()).isEqualTo(11);
    }

    @Test
    void news2UsesOnlyValuesInsideTheWindow() {
        PatientSeries series = new SeriesBuilder().add(Analyte.RESPIRATORY_RATE, "2025-02-03T13:59:00Z", 30)
                .add(Analyte.HEART_RATE, "2025-02-03T14:00:00Z", 140).build();
        assertThat(News2.at(series, T, WINDOW).total()).isEqualTo(3);
    }

    @Test
    void news2BandEdges() {
        assertThat(News2.respiratoryRate(8)).isEqualTo(3);
        assertThat(News2.respiratoryRate(9)).isEqualTo(1);
        assertThat(News2.respiratoryRate(11)).isEqualTo(1);
        assertThat(News2.respiratoryRate(12)).isZero();
        assertThat(News2.respiratoryRate(20)).isZero();
        assertThat(News2.respiratoryRate(21)).isEqualTo(2);
        assertThat(News2.respiratoryRate(24)).isEqualTo(2);
        assertThat(News2.respiratoryRate(25)).isEqualTo(3);
        assertThat(News2.spo2(91)).isEqualTo(3);
        assertThat(News2.spo2(92)).isEqualTo(2);
        assertThat(News2.spo2(93)).isEqualTo(2);
        assertThat(News2.spo2(94)).isEqualTo(1);
        assertThat(News2.spo2(95)).isEqualTo(1);
        assertThat(News2.spo2(96)).isZero();
        assertThat(News2.systolic(90)).isEqualTo(3);
        assertThat(News2.systolic(91)).isEqualTo(2);
        assertThat(News2.systolic(100)).isEqualTo(2);
        assertThat(News2.systolic(101)).isEqualTo(1);
        assertThat(News2.systolic(110)).isEqualTo(1);
        assertThat(News2.systolic(111)).isZero();
        assertThat(News2.systolic(219)).isZero();
        assertThat(News2.systolic(220)).isEqualTo(3);
        assertThat(News2.pulse(40)).isEqualTo(3);
        assertThat(News2.pulse(41)).isEqualTo(1);
        assertThat(News2.pulse(50)).isEqualTo(1);
        assertThat(News2.pulse(51)).isZero();
        assertThat(News2.pulse(90)).isZero();
        assertThat(News2.pulse(91)).isEqualTo(1);
        assertThat(News2.pulse(110)).isEqualTo(1);
        assertThat(News2.pulse(111)).isEqualTo(2);
        assertThat(News2.pulse(130)).isEqualTo(2);
        assertThat(News2.pulse(131)).isEqualTo(3);
        assertThat(News2.temperature(35.0)).isEqualTo(3);
        assertThat(News2.temperature(35.1)).isEqualTo(1);
        assertThat(News2.temperature(36.0)).isEqualTo(1);
        assertThat(News2.temperature(36.1)).isZero();
        assertThat(News2.temperature(38.0)).isZero();
        assertThat(News2.temperature(38.1)).isEqualTo(1);
        assertThat(News2.temperature(39.0)).isEqualTo(1);
        assertThat(News2.temperature(39.1)).isEqualTo(2);
    }

    @Test
    void qsofaRespiratoryRate21Versus22AndSystolic100Versus101() {
        Qsofa qsofa = new Qsofa(SEPSIS_3);
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.RESPIRATORY_RATE, "2025-02-04T02:00:00Z", 21).build(), T, WINDOW).total()).isZero();
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.RESPIRATORY_RATE, "2025-02-04T02:00:00Z", 22).build(), T, WINDOW).total()).isEqualTo(1);
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.SYSTOLIC_BP, "2025-02-04T02:00:00Z", 101).build(), T, WINDOW).total()).isZero();
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.SYSTOLIC_BP, "2025-02-04T02:00:00Z", 100).build(), T, WINDOW).total()).isEqualTo(1);
    }

    @Test
    void qsofaMentationFromGcsBelow15ElseFromAcvpu() {
        Qsofa qsofa = new Qsofa(SEPSIS_3);
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.GCS_TOTAL, "2025-02-04T02:00:00Z", 15)
                .add(Analyte.CONSCIOUSNESS, "2025-02-04T02:00:00Z", 1).build(), T, WINDOW).total()).isZero();
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.GCS_TOTAL, "2025-02-04T02:00:00Z", 14).build(), T, WINDOW).total()).isEqualTo(1);
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.CONSCIOUSNESS, "2025-02-04T02:00:00Z", 1).build(), T, WINDOW).total()).isEqualTo(1);
        assertThat(qsofa.at(new SeriesBuilder().add(Analyte.CONSCIOUSNESS, "2025-02-04T02:00:00Z", 0).build(), T, WINDOW).total()).isZero();
    }

    @Test
    void sofaBandEdges() {
        assertThat(Sofa.platelets(150)).isZero();
        assertThat(Sofa.platelets(149)).isEqualTo(1);
        assertThat(Sofa.platelets(99)).isEqualTo(2);
        assertThat(Sofa.platelets(49)).isEqualTo(3);
        assertThat(Sofa.platelets(20)).isEqualTo(3);
        assertThat(Sofa.platelets(19)).isEqualTo(4);
        assertThat(Sofa.bilirubin(1.1)).isZero();
        assertThat(Sofa.bilirubin(1.2)).isEqualTo(1);
        assertThat(Sofa.bilirubin(2.0)).isEqualTo(2);
        assertThat(Sofa.bilirubin(6.0)).isEqualTo(3);
        assertThat(Sofa.bilirubin(12.0)).isEqualTo(4);
        assertThat(Sofa.creatinine(1.1)).isZero();
        assertThat(Sofa.creatinine(1.2)).isEqualTo(1);
        assertThat(Sofa.creatinine(3.5)).isEqualTo(3);
        assertThat(Sofa.creatinine(5.0)).isEqualTo(4);
        assertThat(Sofa.gcs(15)).isZero();
        assertThat(Sofa.gcs(13)).isEqualTo(1);
        assertThat(Sofa.gcs(12)).isEqualTo(2);
        assertThat(Sofa.gcs(5)).isEqualTo(4);
        assertThat(Sofa.cardiovascular(70, 0)).isZero();
        assertThat(Sofa.cardiovascular(69, 0)).isEqualTo(1);
        assertThat(Sofa.cardiovascular(60, 0.1)).isEqualTo(3);
        assertThat(Sofa.cardiovascular(60, 0.11)).isEqualTo(4);
    }

    @Test
    void sofaRiseIsAgainstEachComponentsLowestScoreOfThePrevious72Hours() {
        // motivating case: platelets 26-41 (score 3) on 10-04..10-06, 17 (score 4) on 10-07; MAP 85 then 69 (0 -> 1)
        PatientSeries series = new SeriesBuilder().add(Analyte.PLATELETS, "2025-10-05T06:00:00Z", 26)
                .add(Analyte.PLATELETS, "2025-10-07T06:00:00Z", 17).add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-10-07T18:00:00Z", 85)
                .add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-10-08T02:00:00Z", 69).build();
        Instant at = Instant.parse("2025-10-08T02:00:00Z");
        assertThat(Sofa.riseAt(series, at, WINDOW, Duration.ofHours(36), Duration.ofHours(72)).points()).isEqualTo(2);
        // a component with no value in the baseline window scores nothing: the same drop read 4 days later
        assertThat(Sofa.riseAt(series, at.plus(Duration.ofDays(4)), WINDOW, Duration.ofDays(5), Duration.ofHours(72)).points()).isZero();
    }
}
