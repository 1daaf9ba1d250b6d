package org.graftwatch.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

/** Sepsis and septic shock on the fn-to-shock timeline and its negative variants. */
class SepsisAndShockTest {
    private static final SepticShockCriteria SHOCK = new SepticShockCriteria(65, 2.0, Duration.ofHours(6), Duration.ofHours(24));
    private final Sepsis sepsis = new Sepsis(InfectionScoresTest.SEPSIS_3);
    private final SepticShock septicShock = new SepticShock(SHOCK, InfectionScoresTest.SEPSIS_3);

    /** Day +6 of fn-to-shock up to the re-check at 13:30: fever, then RR 23 and SBP 98. */
    private static SeriesBuilder feverThenQsofa2() {
        return new SeriesBuilder().add(Analyte.ANC, "2025-06-08T06:00:00Z", 0.02)
                .round("2025-06-08T08:00:00Z", 18, 97, 118, 92, 37.4)
                .add(Analyte.BODY_TEMPERATURE, "2025-06-08T09:00:00Z", 38.0)
                .add(Analyte.BODY_TEMPERATURE, "2025-06-08T10:00:00Z", 38.1)
                .round("2025-06-08T12:00:00Z", 23, 96, 104, 108, 38.6)
                .add(Analyte.SYSTOLIC_BP, "2025-06-08T13:30:00Z", 98);
    }

    @Test
    void qsofa2FromTheLatestValuesMakesSepsisAtTheRecheck() {
        PatientSeries series = feverThenQsofa2().build();
        List<Episode> episodes = sepsis.evaluate(series, List.of());
        assertThat(episodes).hasSize(1);
        Episode episode = episodes.get(0);
        assertThat(episode.kind()).isEqualTo(AlertKind.SEPSIS);
        assertThat(episode.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(episode.onsetAt()).isEqualTo(Instant.parse("2025-06-08T13:30:00Z"));
        assertThat(episode.evidence()).extracting(Evidence::value).contains(23.0, 98.0, 38.6);
        assertThat(episode.summary()).contains("qSOFA 2", "NEWS2 6");
    }

    @Test
    void sepsisSupersedesTheFebrileNeutropeniaEpisode() {
        Episode fn = new Episode(Episode.EpisodeKey.at(FebrileNeutropenia.RULE, Instant.parse("2025-06-08T10:00:00Z")),
                AlertKind.FEBRILE_NEUTROPENIA, Severity.CRITICAL, Instant.parse("2025-06-08T10:00:00Z"), null, "fn", List.of(), null);
        assertThat(sepsis.evaluate(feverThenQsofa2().build(), List.of(fn)).get(0).supersedes()).isEqualTo(fn.key());
    }

    @Test
    void respiratoryRate21WithSystolic98IsNotSepsis() {
        PatientSeries series = new SeriesBuilder().round("2025-06-08T12:00:00Z", 21, 97, 98, 88, 38.6).build();
        assertThat(sepsis.evaluate(series, List.of())).isEmpty();
    }

    @Test
    void qsofa2WithoutFeverOrProcalcitoninIsNotSepsis() {
        PatientSeries series = new SeriesBuilder().round("2025-06-08T12:00:00Z", 24, 97, 96, 88, 37.0).build();
        assertThat(sepsis.evaluate(series, List.of())).isEmpty();
    }

    @Test
    void procalcitonin0Point5IsASuspectedInfectionAnd0Point4IsNot() {
        SeriesBuilder base = new SeriesBuilder().round("2025-06-08T12:00:00Z", 24, 97, 96, 88, 37.0);
        assertThat(sepsis.evaluate(base.add(Analyte.PROCALCITONIN, "2025-06-08T11:00:00Z", 0.4).build(), List.of())).isEmpty();
        assertThat(sepsis.evaluate(base.add(Analyte.PROCALCITONIN, "2025-06-08T11:30:00Z", 0.5).build(), List.of())).hasSize(1);
    }

    @Test
    void sepsisEnds48HoursAfterTheLastSignAndALaterOneIsANewEpisode() {
        PatientSeries series = feverThenQsofa2().round("2025-06-11T12:00:00Z", 16, 97, 120, 80, 37.0)
                .round("2025-06-20T12:00:00Z", 24, 97, 96, 88, 38.5).build();
        List<Episode> episodes = sepsis.evaluate(series, List.of());
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).endedAt()).isEqualTo(Instant.parse("2025-06-10T12:00:00Z"));
        assertThat(episodes.get(1).onsetAt()).isEqualTo(Instant.parse("2025-06-20T12:00:00Z"));
    }

    private static SeriesBuilder shock() {
        return feverThenQsofa2().add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T16:00:00Z", 61)
                .add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T17:00:00Z", 59)
                .add(Analyte.NOREPINEPHRINE_DOSE, "2025-06-08T17:15:00Z", 0.06)
                .add(Analyte.NOREPINEPHRINE_DOSE, "2025-06-08T18:00:00Z", 0.10);
    }

    @Test
    void vasopressorAndLactate3Point6ReportedLateDateTheShockWhenTheLactateWasDrawn() {
        // the 19:15 lactate arrives after the next morning's 1.9: by event time the onset is 19:15
        PatientSeries series = shock().add(Analyte.LACTATE, "2025-06-09T08:00:00Z", 1.9)
                .add(Analyte.LACTATE, "2025-06-08T19:15:00Z", 3.6).build();
        List<Episode> sepsisEpisodes = sepsis.evaluate(series, List.of());
        List<Episode> shocks = septicShock.evaluate(series, sepsisEpisodes, List.of());
        assertThat(shocks).hasSize(1);
        assertThat(shocks.get(0).kind()).isEqualTo(AlertKind.SEPTIC_SHOCK);
        assertThat(shocks.get(0).onsetAt()).isEqualTo(Instant.parse("2025-06-08T19:15:00Z"));
        assertThat(shocks.get(0).supersedes()).isEqualTo(sepsisEpisodes.get(0).key());
        assertThat(shocks.get(0).evidence()).extracting(Evidence::value).contains(3.6, 61.0);
    }

    @Test
    void lactate2Point0IsNotShockAnd2Point1Is() {
        assertThat(septicShock.evaluate(shock().add(Analyte.LACTATE, "2025-06-08T19:15:00Z", 2.0).build(), List.of(), List.of())).isEmpty();
        assertThat(septicShock.evaluate(shock().add(Analyte.LACTATE, "2025-06-08T19:15:00Z", 2.1).build(), List.of(), List.of())).hasSize(1);
    }

    @Test
    void map65IsNotCirculatoryFailureAnd64Is() {
        SeriesBuilder base = new SeriesBuilder().add(Analyte.BODY_TEMPERATURE, "2025-06-08T10:00:00Z", 38.6)
                .add(Analyte.LACTATE, "2025-06-08T12:00:00Z", 3.0);
        assertThat(septicShock.evaluate(base.add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T11:00:00Z", 65).build(), List.of(), List.of()))
                .isEmpty();
        assertThat(septicShock.evaluate(base.add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T11:30:00Z", 64).build(), List.of(), List.of()))
                .hasSize(1);
    }

    @Test
    void lactateMoreThanSixHoursFromTheHypotensionIsNotShock() {
        PatientSeries series = new SeriesBuilder().add(Analyte.BODY_TEMPERATURE, "2025-06-08T10:00:00Z", 38.6)
                .add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T11:00:00Z", 60).add(Analyte.LACTATE, "2025-06-08T17:01:00Z", 3.0).build();
        assertThat(septicShock.evaluate(series, List.of(), List.of())).isEmpty();
    }

    @Test
    void feverAndTachycardiaWithoutHypotensionOrLactateNeverMakeShock() {
        PatientSeries series = new SeriesBuilder().round("2025-06-08T12:00:00Z", 26, 90, 95, 150, 40.1)
                .add(Analyte.LACTATE, "2025-06-08T12:00:00Z", 1.8).add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T12:00:00Z", 70).build();
        assertThat(septicShock.evaluate(series, sepsis.evaluate(series, List.of()), List.of())).isEmpty();
    }

    @Test
    void hypotensionAndLactateWithoutSuspectedInfectionAreNotSepticShock() {
        PatientSeries series = new SeriesBuilder().add(Analyte.BODY_TEMPERATURE, "2025-06-08T10:00:00Z", 37.0)
                .add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-08T11:00:00Z", 60).add(Analyte.LACTATE, "2025-06-08T12:00:00Z", 3.0).build();
        assertThat(septicShock.evaluate(series, List.of(), List.of())).isEmpty();
    }

    @Test
    void shockEndsAfterADayOffVasopressorsWithNormalLactateAndCanRecur() {
        PatientSeries series = shock().add(Analyte.LACTATE, "2025-06-08T19:15:00Z", 3.6)
                .add(Analyte.NOREPINEPHRINE_DOSE, "2025-06-10T08:00:00Z", 0).add(Analyte.LACTATE, "2025-06-10T12:00:00Z", 1.4)
                .add(Analyte.BODY_TEMPERATURE, "2025-06-11T13:00:00Z", 38.9)
                .add(Analyte.MEAN_ARTERIAL_PRESSURE, "2025-06-11T14:00:00Z", 58).add(Analyte.LACTATE, "2025-06-11T15:00:00Z", 4.0).build();
        List<Episode> shocks = septicShock.evaluate(series, List.of(), List.of());
        assertThat(shocks).extracting(Episode::onsetAt).containsExactly(Instant.parse("2025-06-08T19:15:00Z"),
                Instant.parse("2025-06-11T15:00:00Z"));
        assertThat(shocks.get(0).endedAt()).isEqualTo(Instant.parse("2025-06-11T12:00:00Z"));
        assertThat(shocks.get(1).endedAt()).isNull();
    }
}
