package org.graftwatch.surveillance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.junit.jupiter.api.Test;

/**
 * Steroid-refractory acute GVHD at its boundaries: progression on treatment day 3 vs 4, no improvement on day 7 vs 8,
 * the high dose 1.9 vs 2 mg/kg/day. Steroids start with the onset (grade II: skin 30 % BSA, stool 600 mL/d) on
 * 2025-12-01, treatment day 1.
 */
class SteroidRefractorinessTest {
    private static final List<LocalDate> HSCT = List.of(LocalDate.parse("2025-10-30"));
    private static final List<SteroidDose> METHYLPREDNISOLONE_2 = List.of(new SteroidDose(LocalDate.parse("2025-12-01"), 2.0));
    private final AcuteGvhd gvhd = new AcuteGvhd(AcuteGvhdTest.MAGIC, AcuteGvhdTest.EBMT_2020);

    /** The onset, then daily assessments at 10:00 of skin % BSA and stool mL/d from 2025-12-02 (treatment day 2). */
    private static SeriesBuilder course(double[] skin, double[] stool) {
        SeriesBuilder series = new SeriesBuilder().add(Analyte.GVHD_SKIN_BSA, "2025-12-01T10:00:00Z", 30)
                .add(Analyte.STOOL_VOLUME, "2025-12-01T10:00:00Z", 600);
        for (int i = 0; i < skin.length; i++) {
            String at = LocalDate.parse("2025-12-02").plusDays(i) + "T10:00:00Z";
            series.add(Analyte.GVHD_SKIN_BSA, at, skin[i]).add(Analyte.STOOL_VOLUME, at, stool[i]);
        }
        return series;
    }

    private List<Episode> episodes(SeriesBuilder series, List<SteroidDose> steroids) {
        return gvhd.evaluate(series.build(), HSCT, steroids).episodes();
    }

    private static List<Episode> flagged(List<Episode> episodes) {
        return episodes.stream().filter(e -> e.summary().contains("steroid-refractory")).toList();
    }

    @Test
    void progressionOnTreatmentDay3IsNotYetRefractory() {
        // day 3 (12-03): stool 1200 mL/d, lower GI 2: a flare to grade III, after only two days of steroids
        List<Episode> episodes = episodes(course(new double[] {30, 30}, new double[] {600, 1200}), METHYLPREDNISOLONE_2);
        assertThat(episodes).extracting(Episode::kind).containsExactly(AlertKind.GVHD_ONSET, AlertKind.GVHD_FLARE);
        assertThat(flagged(episodes)).isEmpty();
    }

    @Test
    void progressionOnTreatmentDay4IsRefractoryAndFlaggedOnTheFlareItRaised() {
        List<Episode> episodes = episodes(course(new double[] {30, 30, 30}, new double[] {600, 600, 1200}), METHYLPREDNISOLONE_2);
        assertThat(episodes).extracting(Episode::kind).containsExactly(AlertKind.GVHD_ONSET, AlertKind.GVHD_FLARE);
        assertThat(flagged(episodes)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AlertKind.GVHD_FLARE);
            assertThat(e.summary()).contains("steroid-refractory on 2025-12-04 10:00 UTC [gvhd-steroid-refractory v1]: progression on "
                    + "treatment day 4 of systemic steroids 2 mg/kg/day from 2025-12-01");
        });
        // a progression on day 3 that persists to the day 4 assessment is progression after 3 days as well
        assertThat(flagged(episodes(course(new double[] {30, 30, 30}, new double[] {600, 1200, 1200}), METHYLPREDNISOLONE_2)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("on 2025-12-04 10:00 UTC"));
    }

    @Test
    void improvementOnTreatmentDay7IsAResponse() {
        // day 7 (12-07): stool 300 mL/d, lower GI 0
        List<Episode> episodes = episodes(course(new double[] {30, 30, 30, 30, 30, 30, 30, 30}, new double[] {600, 600, 600, 600, 600, 300, 300, 300}),
                METHYLPREDNISOLONE_2);
        assertThat(flagged(episodes)).isEmpty();
    }

    @Test
    void noImprovementByTreatmentDay8IsRefractoryAndFlaggedOnTheOpenOnset() {
        // the first improvement is seen on day 8 (12-08): after seven complete days without one
        List<Episode> episodes = episodes(course(new double[] {30, 30, 30, 30, 30, 30, 30}, new double[] {600, 600, 600, 600, 600, 600, 300}),
                METHYLPREDNISOLONE_2);
        assertThat(flagged(episodes)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AlertKind.GVHD_ONSET);
            assertThat(e.summary()).contains("steroid-refractory on 2025-12-08 00:00 UTC", "no improvement after 7 days",
                    "skin 2, liver 0, upper GI 0, lower GI 1, was skin 2, liver 0, upper GI 0, lower GI 1");
        });
        // the record has not reached day 8 yet: nothing to judge
        assertThat(flagged(episodes(course(new double[] {30, 30, 30, 30, 30, 30}, new double[] {600, 600, 600, 600, 600, 600}),
                METHYLPREDNISOLONE_2))).isEmpty();
    }

    @Test
    void aDoseBelowTwoMgPerKgOrATaperBeforeDay8IsNotJudged() {
        SeriesBuilder unchanged = course(new double[] {30, 30, 30, 30, 30, 30, 30}, new double[] {600, 600, 600, 600, 600, 600, 600});
        assertThat(flagged(episodes(unchanged, List.of(new SteroidDose(LocalDate.parse("2025-12-01"), 1.9))))).isEmpty();
        assertThat(flagged(episodes(unchanged, List.of(new SteroidDose(LocalDate.parse("2025-12-01"), 2.0),
                new SteroidDose(LocalDate.parse("2025-12-06"), 1.0))))).isEmpty();
        assertThat(flagged(episodes(unchanged, List.of(new SteroidDose(LocalDate.parse("2025-12-01"), 2.0),
                new SteroidDose(LocalDate.parse("2025-12-08"), 1.0))))).as("tapered after seven full days").hasSize(1);
        assertThat(flagged(episodes(unchanged, List.of()))).as("no steroid data, nothing to judge").isEmpty();
    }

    @Test
    void steroidsStartedLaterCountTheirOwnDays() {
        // steroids from 12-03 (day 1): the flare of 12-05 is day 3, that of 12-06 day 4
        List<SteroidDose> fromDay3 = List.of(new SteroidDose(LocalDate.parse("2025-12-03"), 2.0));
        assertThat(flagged(episodes(course(new double[] {30, 30, 30, 30}, new double[] {600, 600, 600, 1200}), fromDay3))).isEmpty();
        assertThat(flagged(episodes(course(new double[] {30, 30, 30, 30, 30}, new double[] {600, 600, 600, 1200, 1200}), fromDay3)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("on 2025-12-06 10:00 UTC", "treatment day 4",
                        "from 2025-12-03"));
    }
}
