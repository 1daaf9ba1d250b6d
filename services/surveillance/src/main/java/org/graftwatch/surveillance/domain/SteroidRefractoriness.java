package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;

/**
 * Steroid-refractory acute GVHD, after the EBMT–NIH–CIBMTR Task Force (Schoemans et al., Bone Marrow Transplant 2020)
 * as clinical-criteria.md adopts it: progression after 3 days, or no improvement after 7 days, of systemic steroids at
 * ≥ 2 mg/kg/day methylprednisolone equivalent.
 * <ul>
 * <li>Treatment day 1 is the day the high dose starts, or the course's onset day when it was already running; the
 * baseline is the organ staging at the end of day 1.</li>
 * <li>Progression: at an assessment from day 4 on (3 days complete), an organ stage above its baseline and none
 * below.</li>
 * <li>No improvement: at the start of day 8 (7 days complete), no organ below its baseline or one above it, judged
 * from the latest assessments once the patient's record reaches that moment.</li>
 * </ul>
 * Judged only while the high dose runs and the course lasts: a dose below 2 mg/kg/day (a taper) or grade 0 before the
 * moment of judgement leaves the course unflagged. Without a high dose recorded there is nothing to judge.
 */
public final class SteroidRefractoriness {
    public static final RuleRef RULE = new RuleRef("gvhd-steroid-refractory", "1");

    /** The moment a course was found refractory, why, and the assessments that showed it. */
    public record Flag(Instant at, String reason, List<Evidence> evidence) {
    }

    private final SteroidRefractoryCriteria criteria;

    public SteroidRefractoriness(SteroidRefractoryCriteria criteria) {
        this.criteria = criteria;
    }

    /**
     * @param courseStart the course's onset (first grade ≥ I)
     * @param courseEnd   when it returned to grade 0, or null while it lasts
     * @param assessments the times of the organ assessments, in order
     */
    public Optional<Flag> judge(Instant courseStart, Instant courseEnd, PatientSeries series, SortedSet<Instant> assessments,
                                List<SteroidDose> steroids, GvhdStaging staging) {
        LocalDate onsetDay = LocalDate.ofInstant(courseStart, ZoneOffset.UTC);
        Optional<HighDose> course = highDose(steroids, onsetDay, courseEnd);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        LocalDate dayOne = course.get().from().isBefore(onsetDay) ? onsetDay : course.get().from();
        Instant treatedUntil = earliest(course.get().until() == null ? null : startOf(course.get().until()), courseEnd);
        GvhdStaging.Stage baseline = staging.at(series, startOf(dayOne.plusDays(1)).minusNanos(1));
        String treatment = "systemic steroids " + ClinicalText.number(course.get().dose()) + " mg/kg/day from " + dayOne;

        Instant progressionFrom = startOf(dayOne.plusDays(criteria.progressionAfterDays()));
        for (Instant t : assessments.tailSet(progressionFrom)) {
            if (treatedUntil != null && !t.isBefore(treatedUntil)) {
                break;
            }
            GvhdStaging.Stage stage = staging.at(series, t);
            if (worse(stage, baseline) && !better(stage, baseline)) {
                return Optional.of(new Flag(t, "progression on treatment day " + (ChronoUnit.DAYS.between(dayOne,
                        LocalDate.ofInstant(t, ZoneOffset.UTC)) + 1) + " of " + treatment + " (" + stage.describe() + ", was "
                        + baseline.describe() + ")", stage.evidence()));
            }
        }
        Instant judged = startOf(dayOne.plusDays(criteria.noImprovementAfterDays()));
        boolean reached = series.horizon().filter(h -> !h.isBefore(judged)).isPresent();
        if (reached && (treatedUntil == null || !treatedUntil.isBefore(judged))) {
            GvhdStaging.Stage stage = staging.at(series, judged);
            if (!better(stage, baseline) || worse(stage, baseline)) {
                return Optional.of(new Flag(judged, "no improvement after " + criteria.noImprovementAfterDays() + " days of " + treatment
                        + " (" + stage.describe() + ", was " + baseline.describe() + ")", stage.evidence()));
            }
        }
        return Optional.empty();
    }

    /** A run of high-dose days: from, until (exclusive, null while it runs), and the dose it started with. */
    private record HighDose(LocalDate from, LocalDate until, double dose) {
    }

    /** The first run of high-dose steroids that overlaps the course. */
    private Optional<HighDose> highDose(List<SteroidDose> steroids, LocalDate onsetDay, Instant courseEnd) {
        List<SteroidDose> doses = steroids.stream().sorted(Comparator.comparing(SteroidDose::from)).toList();
        SteroidDose start = null;
        for (SteroidDose dose : doses) {
            boolean high = dose.mgPerKgPerDay() >= criteria.highDoseAtLeast();
            if (high && start == null) {
                start = dose;
            } else if (!high && start != null) {
                if (dose.from().isAfter(onsetDay)) {
                    return overlapping(new HighDose(start.from(), dose.from(), start.mgPerKgPerDay()), courseEnd);
                }
                start = null;
            }
        }
        return start == null ? Optional.empty() : overlapping(new HighDose(start.from(), null, start.mgPerKgPerDay()), courseEnd);
    }

    private static Optional<HighDose> overlapping(HighDose run, Instant courseEnd) {
        return courseEnd != null && !startOf(run.from()).isBefore(courseEnd) ? Optional.empty() : Optional.of(run);
    }

    private static boolean worse(GvhdStaging.Stage now, GvhdStaging.Stage before) {
        return now.skin() > before.skin() || now.liver() > before.liver() || now.upperGi() > before.upperGi()
                || now.lowerGi() > before.lowerGi();
    }

    private static boolean better(GvhdStaging.Stage now, GvhdStaging.Stage before) {
        return now.skin() < before.skin() || now.liver() < before.liver() || now.upperGi() < before.upperGi()
                || now.lowerGi() < before.lowerGi();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
