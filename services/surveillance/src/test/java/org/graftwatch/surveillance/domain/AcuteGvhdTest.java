package org.graftwatch.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Severity;
import org.junit.jupiter.api.Test;

/** MAGIC staging at every boundary, and the onset / flare / improvement course of the motivating case. */
class AcuteGvhdTest {
    static final GvhdCriteria MAGIC = new GvhdCriteria(25, 50, 2.0, 3.0, 6.0, 15.0, 500, 1000, 1500, 3, 5, 7, Duration.ofDays(14));
    private static final List<LocalDate> HSCT = List.of(LocalDate.parse("2025-10-30"));
    private final GvhdStaging staging = new GvhdStaging(MAGIC);
    static final SteroidRefractoryCriteria EBMT_2020 = new SteroidRefractoryCriteria(2.0, 3, 7);
    private final AcuteGvhd gvhd = new AcuteGvhd(MAGIC, EBMT_2020);

    @Test
    void skinStagesAtTheirBsaBoundaries() {
        assertThat(staging.skinStage(0)).isZero();
        assertThat(staging.skinStage(1)).isEqualTo(1);
        assertThat(staging.skinStage(24)).isEqualTo(1);
        assertThat(staging.skinStage(25)).isEqualTo(2);
        assertThat(staging.skinStage(26)).isEqualTo(2);
        assertThat(staging.skinStage(50)).isEqualTo(2);
        assertThat(staging.skinStage(51)).isEqualTo(3);
    }

    @Test
    void lowerGiStagesAtTheirVolumeAndEpisodeBoundaries() {
        assertThat(staging.stoolVolumeStage(499)).isZero();
        assertThat(staging.stoolVolumeStage(500)).isEqualTo(1);
        assertThat(staging.stoolVolumeStage(999)).isEqualTo(1);
        assertThat(staging.stoolVolumeStage(1000)).isEqualTo(2);
        assertThat(staging.stoolVolumeStage(1500)).isEqualTo(2);
        assertThat(staging.stoolVolumeStage(1501)).isEqualTo(3);
        assertThat(staging.stoolEpisodesStage(2)).isZero();
        assertThat(staging.stoolEpisodesStage(3)).isEqualTo(1);
        assertThat(staging.stoolEpisodesStage(4)).isEqualTo(1);
        assertThat(staging.stoolEpisodesStage(5)).isEqualTo(2);
        assertThat(staging.stoolEpisodesStage(7)).isEqualTo(2);
        assertThat(staging.stoolEpisodesStage(8)).isEqualTo(3);
    }

    @Test
    void liverStagesAtTheirBilirubinBoundaries() {
        assertThat(staging.liverStage(1.9)).isZero();
        assertThat(staging.liverStage(2.0)).isEqualTo(1);
        assertThat(staging.liverStage(3.0)).isEqualTo(1);
        assertThat(staging.liverStage(3.1)).isEqualTo(2);
        assertThat(staging.liverStage(6.0)).isEqualTo(2);
        assertThat(staging.liverStage(6.1)).isEqualTo(3);
        assertThat(staging.liverStage(15.0)).isEqualTo(3);
        assertThat(staging.liverStage(15.1)).isEqualTo(4);
    }

    @Test
    void overallGrades() {
        assertThat(GvhdStaging.grade(2, 0, 0, 0)).isEqualTo(1);
        assertThat(GvhdStaging.grade(3, 0, 0, 0)).isEqualTo(2);
        assertThat(GvhdStaging.grade(0, 0, 1, 0)).isEqualTo(2);
        assertThat(GvhdStaging.grade(1, 1, 0, 0)).isEqualTo(2);
        assertThat(GvhdStaging.grade(2, 0, 0, 2)).isEqualTo(3);
        assertThat(GvhdStaging.grade(0, 3, 0, 0)).isEqualTo(3);
        assertThat(GvhdStaging.grade(4, 0, 0, 0)).isEqualTo(4);
        assertThat(GvhdStaging.grade(1, 0, 0, 4)).isEqualTo(4);
        assertThat(GvhdStaging.grade(0, 0, 0, 0)).isZero();
    }

    @Test
    void bilirubinAloneIsNotGvhd() {
        PatientSeries series = new SeriesBuilder().add(Analyte.GVHD_SKIN_BSA, "2025-12-05T10:00:00Z", 0)
                .add(Analyte.BILIRUBIN, "2025-12-05T06:00:00Z", 2.4).add(Analyte.BILIRUBIN, "2025-12-06T06:00:00Z", 2.4).build();
        assertThat(gvhd.evaluate(series, HSCT).episodes()).isEmpty();
        assertThat(staging.at(series, Instant.parse("2025-12-06T06:00:00Z")).liverNote()).contains("not attributed");
    }

    @Test
    void bilirubinStagesTheLiverWhileTheSkinIsInvolvedAndTheEvidenceSaysSo() {
        PatientSeries series = new SeriesBuilder().add(Analyte.GVHD_SKIN_BSA, "2026-01-04T10:00:00Z", 14)
                .add(Analyte.BILIRUBIN, "2026-01-04T06:00:00Z", 2.4).build();
        List<Episode> episodes = gvhd.evaluate(series, HSCT).episodes();
        assertThat(episodes).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AlertKind.GVHD_ONSET);
            assertThat(e.summary()).contains("grade II", "because another organ is involved");
        });
    }

    @Test
    void motivatingCaseOnsetFlareAndImprovement() {
        PatientSeries series = new SeriesBuilder()
                .add(Analyte.GVHD_SKIN_BSA, "2025-12-28T10:00:00Z", 0).add(Analyte.STOOL_VOLUME, "2025-12-28T10:00:00Z", 200)
                .add(Analyte.GVHD_SKIN_BSA, "2026-01-04T10:00:00Z", 14).add(Analyte.STOOL_VOLUME, "2026-01-04T10:00:00Z", 240)
                .add(Analyte.GVHD_SKIN_BSA, "2026-01-06T10:00:00Z", 28).add(Analyte.STOOL_VOLUME, "2026-01-07T10:00:00Z", 380)
                .add(Analyte.GVHD_SKIN_BSA, "2026-01-09T10:00:00Z", 36).add(Analyte.STOOL_VOLUME, "2026-01-09T10:00:00Z", 760)
                .add(Analyte.STOOL_VOLUME, "2026-01-11T10:00:00Z", 880)
                .add(Analyte.STOOL_VOLUME, "2026-01-16T10:00:00Z", 330).add(Analyte.GVHD_SKIN_BSA, "2026-01-16T10:00:00Z", 12)
                .add(Analyte.STOOL_VOLUME, "2026-01-22T10:00:00Z", 180).add(Analyte.GVHD_SKIN_BSA, "2026-01-22T10:00:00Z", 0).build();
        AcuteGvhd.Course course = gvhd.evaluate(series, HSCT);
        assertThat(course.episodes()).extracting(Episode::kind).containsExactly(AlertKind.GVHD_ONSET, AlertKind.GVHD_FLARE);
        Episode onset = course.episodes().get(0);
        Episode flare = course.episodes().get(1);
        assertThat(onset.onsetAt()).isEqualTo(Instant.parse("2026-01-04T10:00:00Z"));
        assertThat(onset.severity()).isEqualTo(Severity.WARNING);
        assertThat(flare.onsetAt()).isEqualTo(Instant.parse("2026-01-09T10:00:00Z"));
        assertThat(flare.severity()).isEqualTo(Severity.WARNING);
        assertThat(flare.summary()).contains("new lower gi", "grade II");
        assertThat(flare.supersedes()).isEqualTo(onset.key());
        assertThat(course.episodes()).allSatisfy(e -> assertThat(e.endedAt()).isEqualTo(Instant.parse("2026-01-22T10:00:00Z")));
        assertThat(course.changes()).extracting(AcuteGvhd.GradeChange::grade).containsExactly(1, 2, 1, 0);
    }

    @Test
    void gutStage2OnTopOfSkinIsACriticalFlareToGradeIiiAndFurtherStage3IsNotAnother() {
        PatientSeries series = new SeriesBuilder().add(Analyte.GVHD_SKIN_BSA, "2025-12-10T10:00:00Z", 8)
                .add(Analyte.GVHD_SKIN_BSA, "2025-12-15T10:00:00Z", 40).add(Analyte.STOOL_VOLUME, "2025-12-17T10:00:00Z", 999)
                .add(Analyte.STOOL_VOLUME, "2025-12-18T10:00:00Z", 1000).add(Analyte.STOOL_VOLUME, "2025-12-19T10:00:00Z", 1650).build();
        List<Episode> episodes = gvhd.evaluate(series, HSCT).episodes();
        assertThat(episodes).extracting(Episode::kind, Episode::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertKind.GVHD_ONSET, Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple(AlertKind.GVHD_FLARE, Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple(AlertKind.GVHD_FLARE, Severity.CRITICAL));
        assertThat(episodes.get(2).onsetAt()).isEqualTo(Instant.parse("2025-12-18T10:00:00Z"));
    }

    @Test
    void gradeIiiAtOnsetIsCriticalAndNothingBeforeATransplant() {
        PatientSeries series = new SeriesBuilder().add(Analyte.STOOL_VOLUME, "2025-12-10T10:00:00Z", 1200)
                .add(Analyte.NAUSEA_PERSISTENT, "2025-12-10T10:00:00Z", 1).build();
        assertThat(gvhd.evaluate(series, HSCT).episodes()).singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(gvhd.evaluate(series, List.of()).episodes()).isEmpty();
    }

    @Test
    void bloodyStoolIsLowerGiStage4AndBullaeSkinStage4() {
        PatientSeries gut = new SeriesBuilder().add(Analyte.STOOL_BLOODY, "2025-12-10T10:00:00Z", 1).build();
        assertThat(staging.at(gut, Instant.parse("2025-12-10T10:00:00Z")).grade()).isEqualTo(4);
        PatientSeries skin = new SeriesBuilder().add(Analyte.GVHD_SKIN_BULLAE, "2025-12-10T10:00:00Z", 1).build();
        assertThat(staging.at(skin, Instant.parse("2025-12-10T10:00:00Z")).skin()).isEqualTo(4);
    }
}
