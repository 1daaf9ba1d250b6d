package org.graftwatch.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

/** Chimerism-led relapse (clinical-criteria.md): a CD33+/CD34+ chimerism decline with MRD ≥ 0.1 % within 30 days. */
class ChimerismLedRelapseTest {
    private final Relapse relapse = new Relapse(new RelapseCriteria(5.0, 0.0, 0.1, 1.0, Duration.ofDays(30)));

    /** A graft-monitor finding: donor chimerism of {@code code} fell from {@code from} % to {@code to} % at {@code onset}. */
    private static Finding decline(String episodeId, Analyte lineage, Severity severity, String onset, double from, double to) {
        Instant at = Instant.parse(onset);
        return new Finding(episodeId, "P-1", "CASE-P-1", AlertKind.CHIMERISM_DECLINE, severity, Finding.State.ACTIVE, at, 60,
                new RuleRef("chimerism-decline", "1"), "Donor chimerism fell", List.of(
                new Evidence(lineage.code() + "-ref", lineage.code(), from, "%", at.minus(Duration.ofDays(14))),
                new Evidence(lineage.code() + "-" + onset, lineage.code(), to, "%", at)), null, at, "graft-monitor");
    }

    private static ChimerismDecline cd33(String onset, double to) {
        return ChimerismDecline.of(decline("ep-cd33-" + onset, Analyte.CHIMERISM_CD33, Severity.WARNING, onset, 99, to), "surveillance")
                .orElseThrow();
    }

    private List<Episode> chimerismLed(SeriesBuilder series, ChimerismDecline... declines) {
        return relapse.evaluate(series.build(), List.of(declines)).stream().filter(e -> e.rule().equals(Relapse.CHIMERISM_LED)).toList();
    }

    @Test
    void aMyeloidDeclineWithMrdConversionIsACriticalRelapseSupersedingTheMrdWarning() {
        SeriesBuilder series = new SeriesBuilder().add(Analyte.MRD_FLOW, "2026-01-05T09:00:00Z", 0.02)
                .add(Analyte.MRD_FLOW, "2026-02-02T09:00:00Z", 0.4);
        List<Episode> all = relapse.evaluate(series.build(), List.of(cd33("2026-01-20T09:00:00Z", 93)));
        Episode conversion = all.stream().filter(e -> e.rule().equals(Relapse.MRD_CONVERSION)).findFirst().orElseThrow();
        Episode led = all.stream().filter(e -> e.rule().equals(Relapse.CHIMERISM_LED)).findFirst().orElseThrow();
        assertThat(led.kind()).isEqualTo(AlertKind.RELAPSE);
        assertThat(led.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(led.onsetAt()).as("the later of decline and MRD").isEqualTo(Instant.parse("2026-02-02T09:00:00Z"));
        assertThat(led.supersedes()).isEqualTo(conversion.key());
        assertThat(led.evidence()).extracting(Evidence::observationId)
                .containsExactly("chimerism-cd33-ref", "chimerism-cd33-2026-01-20T09:00:00Z", "mrd-flow-2");
        assertThat(led.summary()).contains("CD33+ myeloid cells fell to 93 % (from 99 %)", "flow MRD 0.4 %");
        assertThat(led.endedAt()).isNull();
    }

    @Test
    void thirtyDaysApartCountsThirtyDaysAndAMinuteDoNot() {
        SeriesBuilder mrdFirst = new SeriesBuilder().add(Analyte.MRD_FLOW, "2026-01-01T09:00:00Z", 0.2);
        assertThat(chimerismLed(mrdFirst, cd33("2026-01-31T09:00:00Z", 88))).singleElement()
                .satisfies(e -> assertThat(e.onsetAt()).isEqualTo(Instant.parse("2026-01-31T09:00:00Z")));
        assertThat(chimerismLed(mrdFirst, cd33("2026-01-31T09:01:00Z", 88))).isEmpty();

        SeriesBuilder mrdAfter = new SeriesBuilder().add(Analyte.MRD_FLOW, "2026-03-02T09:00:00Z", 0.2);
        assertThat(chimerismLed(mrdAfter, cd33("2026-01-31T09:00:00Z", 88))).hasSize(1);
        assertThat(chimerismLed(mrdAfter, cd33("2026-01-31T08:59:00Z", 88))).isEmpty();
    }

    @Test
    void mrd0Point09IsNoPositivityAnd0Point1Is() {
        assertThat(chimerismLed(new SeriesBuilder().add(Analyte.MRD_FLOW, "2026-02-01T09:00:00Z", 0.09), cd33("2026-01-20T09:00:00Z", 90)))
                .isEmpty();
        assertThat(chimerismLed(new SeriesBuilder().add(Analyte.MRD_FLOW, "2026-02-01T09:00:00Z", 0.1), cd33("2026-01-20T09:00:00Z", 90)))
                .hasSize(1);
    }

    @Test
    void aNegativeMrdBetweenThePositiveOneAndTheDeclineBreaksThePair() {
        SeriesBuilder series = new SeriesBuilder().add(Analyte.MRD_FLOW, "2026-01-05T09:00:00Z", 0.3)
                .add(Analyte.MRD_FLOW, "2026-01-12T09:00:00Z", 0.05);
        assertThat(chimerismLed(series, cd33("2026-01-20T09:00:00Z", 90))).isEmpty();
    }

    @Test
    void oneEpisodeForEveryDeclineOfTheSameRelapseEndedByNegativeMrdAndALaterPairIsANewOne() {
        ChimerismDecline warning = cd33("2026-01-20T09:00:00Z", 93);
        ChimerismDecline critical = ChimerismDecline.of(decline("ep-cd33-critical", Analyte.CHIMERISM_CD33, Severity.CRITICAL,
                "2026-01-27T09:00:00Z", 99, 86), "surveillance").orElseThrow();
        ChimerismDecline progenitors = ChimerismDecline.of(decline("ep-cd34", Analyte.CHIMERISM_CD34, Severity.CRITICAL,
                "2026-01-27T09:00:00Z", 97, 80), "surveillance").orElseThrow();
        ChimerismDecline later = cd33("2026-04-10T09:00:00Z", 91);
        SeriesBuilder series = new SeriesBuilder().add(Analyte.MRD_FLOW, "2026-01-22T09:00:00Z", 0.3)
                .add(Analyte.MRD_FLOW, "2026-02-05T09:00:00Z", 1.2).add(Analyte.MRD_FLOW, "2026-03-05T09:00:00Z", 0.01)
                .add(Analyte.MRD_FLOW, "2026-04-15T09:00:00Z", 0.5);
        List<Episode> episodes = chimerismLed(series, warning, critical, progenitors, later);
        assertThat(episodes).extracting(Episode::onsetAt, Episode::endedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-01-22T09:00:00Z"), Instant.parse("2026-03-05T09:00:00Z")),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-04-15T09:00:00Z"), null));
    }

    @Test
    void onlyMyeloidAndProgenitorDeclinesOfAnotherDetectorCount() {
        assertThat(ChimerismDecline.of(decline("ep-cd3", Analyte.CHIMERISM_CD3, Severity.WARNING, "2026-01-20T09:00:00Z", 90, 80),
                "surveillance")).isEmpty();
        assertThat(ChimerismDecline.of(decline("ep-wb", Analyte.CHIMERISM_WB, Severity.CRITICAL, "2026-01-20T09:00:00Z", 99, 80),
                "surveillance")).isEmpty();
        assertThat(ChimerismDecline.of(decline("ep-cd34", Analyte.CHIMERISM_CD34, Severity.WARNING, "2026-01-20T09:00:00Z", 99, 93),
                "graft-monitor")).as("one's own findings").isEmpty();
        Finding relapse = new Finding("ep-r", "P-1", null, AlertKind.RELAPSE, Severity.CRITICAL, Finding.State.ACTIVE,
                Instant.parse("2026-01-20T09:00:00Z"), null, Relapse.MORPHOLOGIC, "Relapse", List.of(), null, Instant.now(), "surveillance");
        assertThat(ChimerismDecline.of(relapse, "surveillance")).isEmpty();
    }

    @Test
    void aChimerismDeclineWithoutOnsetOrEvidenceIsRejectedWithTheReason() {
        Finding good = decline("ep-cd33", Analyte.CHIMERISM_CD33, Severity.WARNING, "2026-01-20T09:00:00Z", 99, 93);
        Finding noOnset = new Finding(good.episodeId(), "P-1", null, good.kind(), good.severity(), good.state(), null, null, good.rule(),
                good.summary(), good.evidence(), null, good.detectedAt(), good.detector());
        assertThatThrownBy(() -> ChimerismDecline.of(noOnset, "surveillance")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onsetAt");
        Finding noEvidence = new Finding(good.episodeId(), "P-1", null, good.kind(), good.severity(), good.state(), good.onsetAt(), null,
                good.rule(), good.summary(), List.of(), null, good.detectedAt(), good.detector());
        assertThatThrownBy(() -> ChimerismDecline.of(noEvidence, "surveillance")).hasMessageContaining("evidence");
    }
}
