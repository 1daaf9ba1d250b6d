package org.graftwatch.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

/** ELN 2021 relapse rules on the motivating case and at their thresholds. */
class RelapseTest {
    private final Relapse relapse = new Relapse(new RelapseCriteria(5.0, 0.0, 0.1, 1.0, Duration.ofDays(30)));

    @Test
    void motivatingCaseConvertsThenRelapsesInBloodSupersedingTheWarning() {
        PatientSeries series = new SeriesBuilder().add(Analyte.BLASTS_BLOOD, "2025-09-11T08:00:00Z", 0)
                .add(Analyte.BLASTS_MARROW, "2025-09-22T09:00:00Z", 1.5).add(Analyte.MRD_FLOW, "2025-09-22T09:00:00Z", 0.04)
                .add(Analyte.BLASTS_MARROW, "2025-09-29T09:00:00Z", 2.8).add(Analyte.MRD_FLOW, "2025-09-29T09:00:00Z", 0.9)
                .add(Analyte.BLASTS_BLOOD, "2025-09-29T08:00:00Z", 0)
                .add(Analyte.BLASTS_BLOOD, "2025-10-03T08:00:00Z", 4).add(Analyte.BLASTS_MARROW, "2025-10-04T09:00:00Z", 27)
                .add(Analyte.MRD_FLOW, "2025-10-04T09:00:00Z", 21).build();
        List<Episode> episodes = relapse.evaluate(series);
        assertThat(episodes).extracting(Episode::severity).containsExactly(Severity.WARNING, Severity.CRITICAL);
        Episode conversion = episodes.get(0);
        Episode morphologic = episodes.get(1);
        assertThat(conversion.rule()).isEqualTo(Relapse.MRD_CONVERSION);
        assertThat(conversion.onsetAt()).isEqualTo(Instant.parse("2025-09-29T09:00:00Z"));
        assertThat(conversion.evidence()).extracting(Evidence::value).containsExactly(0.04, 0.9);
        assertThat(morphologic.rule()).isEqualTo(Relapse.MORPHOLOGIC);
        assertThat(morphologic.onsetAt()).isEqualTo(Instant.parse("2025-10-03T08:00:00Z"));
        assertThat(morphologic.supersedes()).isEqualTo(conversion.key());
    }

    @Test
    void marrowBlasts4Point9IsNotRelapseAnd5Is() {
        assertThat(relapse.evaluate(new SeriesBuilder().add(Analyte.BLASTS_MARROW, "2025-10-04T09:00:00Z", 4.9).build())).isEmpty();
        List<Episode> episodes = relapse.evaluate(new SeriesBuilder().add(Analyte.BLASTS_MARROW, "2025-10-04T09:00:00Z", 5.0).build());
        assertThat(episodes).extracting(Episode::severity).containsExactly(Severity.CRITICAL);
    }

    @Test
    void bloodBlastsCountOnlyAfterRemission() {
        assertThat(relapse.evaluate(new SeriesBuilder().add(Analyte.BLASTS_BLOOD, "2025-10-03T08:00:00Z", 4).build())).isEmpty();
        assertThat(relapse.evaluate(new SeriesBuilder().add(Analyte.BLASTS_BLOOD, "2025-10-01T08:00:00Z", 0)
                .add(Analyte.BLASTS_BLOOD, "2025-10-03T08:00:00Z", 1).build())).hasSize(1);
    }

    @Test
    void mrd0Point09IsNegativeAnd0Point1IsAConversion() {
        assertThat(relapse.evaluate(new SeriesBuilder().add(Analyte.MRD_FLOW, "2025-09-22T09:00:00Z", 0.04)
                .add(Analyte.MRD_FLOW, "2025-09-29T09:00:00Z", 0.09).build())).isEmpty();
        assertThat(relapse.evaluate(new SeriesBuilder().add(Analyte.MRD_FLOW, "2025-09-22T09:00:00Z", 0.04)
                .add(Analyte.MRD_FLOW, "2025-09-29T09:00:00Z", 0.1).build())).hasSize(1);
    }

    @Test
    void mrdBackBelowThresholdEndsTheEpisodeAndANewConversionIsANewOne() {
        List<Episode> episodes = relapse.evaluate(new SeriesBuilder().add(Analyte.MRD_FLOW, "2025-09-01T09:00:00Z", 0.02)
                .add(Analyte.MRD_FLOW, "2025-09-15T09:00:00Z", 0.3).add(Analyte.MRD_FLOW, "2025-10-01T09:00:00Z", 0.01)
                .add(Analyte.MRD_FLOW, "2025-11-01T09:00:00Z", 0.2).build());
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).endedAt()).isEqualTo(Instant.parse("2025-10-01T09:00:00Z"));
        assertThat(episodes.get(1).endedAt()).isNull();
    }

    @Test
    void wt1RisingOneLog10WhileMrdPositiveIsMolecularProgression() {
        SeriesBuilder mrdPositive = new SeriesBuilder().add(Analyte.MRD_FLOW, "2025-09-01T09:00:00Z", 0.3)
                .add(Analyte.WT1_TRANSCRIPTS, "2025-09-01T09:00:00Z", 50);
        assertThat(relapse.evaluate(mrdPositive.add(Analyte.WT1_TRANSCRIPTS, "2025-09-15T09:00:00Z", 499).build()))
                .noneMatch(e -> e.rule().equals(Relapse.MOLECULAR));
        assertThat(relapse.evaluate(mrdPositive.add(Analyte.WT1_TRANSCRIPTS, "2025-09-29T09:00:00Z", 5000).build()))
                .filteredOn(e -> e.rule().equals(Relapse.MOLECULAR)).singleElement()
                .satisfies(e -> assertThat(e.onsetAt()).isEqualTo(Instant.parse("2025-09-29T09:00:00Z")));
    }

    @Test
    void wt1RiseWhileMrdNegativeRaisesNothing() {
        assertThat(relapse.evaluate(new SeriesBuilder().add(Analyte.MRD_FLOW, "2025-09-01T09:00:00Z", 0.02)
                .add(Analyte.WT1_TRANSCRIPTS, "2025-09-01T09:00:00Z", 50).add(Analyte.WT1_TRANSCRIPTS, "2025-09-15T09:00:00Z", 5000)
                .build())).isEmpty();
    }
}
