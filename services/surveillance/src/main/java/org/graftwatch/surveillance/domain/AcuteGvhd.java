package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * The course of acute GVHD (MAGIC), re-staged at every organ assessment after a transplant:
 * <ul>
 * <li>onset: the first overall grade ≥ I after a transplant or a DLI (or after the previous course returned to grade 0)
 * → GVHD_ONSET, warning, critical at grade ≥ III;</li>
 * <li>flare: the grade rises above the current grade, or an organ not yet involved in this course becomes involved
 * → GVHD_FLARE, warning at grade II, critical at III–IV; each flare is its own episode and supersedes the previous
 * episode of the course;</li>
 * <li>improvement: a fall in grade lowers the current grade and raises nothing; grade 0 ends the course and its
 * episodes.</li>
 * </ul>
 * When systemic steroids are recorded, a course found steroid-refractory ({@link SteroidRefractoriness}) is flagged on
 * its open episode (the one holding when it was found) and on every later one of the course: the summary says so and
 * the evidence adds the assessment that showed it.
 */
public final class AcuteGvhd {
    public static final RuleRef ONSET = new RuleRef("gvhd-onset-magic", "1");
    public static final RuleRef FLARE = new RuleRef("gvhd-flare-magic", "1");
    private static final List<Analyte> ASSESSMENTS = List.of(Analyte.GVHD_SKIN_BSA, Analyte.GVHD_SKIN_BULLAE, Analyte.NAUSEA_PERSISTENT,
            Analyte.STOOL_VOLUME, Analyte.STOOL_EPISODES, Analyte.ABDOMINAL_PAIN_SEVERE, Analyte.STOOL_BLOODY, Analyte.BILIRUBIN);
    private static final String[] ROMAN = {"0", "I", "II", "III", "IV"};

    /** A change of the overall grade, improvements included. */
    public record GradeChange(Instant at, int grade, String stages) {
    }

    /** The episodes that raise alerts, and every change of grade. */
    public record Course(List<Episode> episodes, List<GradeChange> changes) {
    }

    private final GvhdStaging staging;
    private final SteroidRefractoriness refractoriness;

    public AcuteGvhd(GvhdCriteria criteria, SteroidRefractoryCriteria steroids) {
        this.staging = new GvhdStaging(criteria);
        this.refractoriness = new SteroidRefractoriness(steroids);
    }

    public Course evaluate(PatientSeries series, List<LocalDate> transplants) {
        return evaluate(series, transplants, List.of());
    }

    /**
     * @param transplants day 0 of each allogeneic transplant
     * @param steroids    the systemic steroid doses recorded, any order
     */
    public Course evaluate(PatientSeries series, List<LocalDate> transplants, List<SteroidDose> steroids) {
        List<Episode> episodes = new ArrayList<>();
        List<GradeChange> changes = new ArrayList<>();
        if (transplants.isEmpty()) {
            return new Course(episodes, changes);
        }
        Instant firstTransplant = transplants.stream().min(Comparator.naturalOrder()).orElseThrow().atStartOfDay(ZoneOffset.UTC).toInstant();
        TreeSet<Instant> times = new TreeSet<>();
        ASSESSMENTS.forEach(a -> series.of(a).stream().map(Reading::at).filter(t -> !t.isBefore(firstTransplant)).forEach(times::add));
        List<Episode> course = new ArrayList<>();
        Set<GvhdStaging.Organ> involved = EnumSet.noneOf(GvhdStaging.Organ.class);
        int current = 0;
        Instant courseStart = null;
        for (Instant t : times) {
            GvhdStaging.Stage stage = staging.at(series, t);
            int grade = stage.grade();
            if (grade != current) {
                changes.add(new GradeChange(t, grade, stage.describe()));
            }
            if (course.isEmpty()) {
                if (grade >= 1) {
                    Severity severity = grade >= 3 ? Severity.CRITICAL : Severity.WARNING;
                    course.add(episode(ONSET, AlertKind.GVHD_ONSET, severity, t, stage, "Acute GVHD onset", null));
                    involved.addAll(stage.involved());
                    current = grade;
                    courseStart = t;
                }
                continue;
            }
            if (grade == 0) {
                flagRefractory(course, courseStart, t, series, times, steroids).forEach(e -> episodes.add(e.endedAt(t)));
                course.clear();
                involved.clear();
                current = 0;
                continue;
            }
            Set<GvhdStaging.Organ> newOrgans = EnumSet.copyOf(stage.involved());
            newOrgans.removeAll(involved);
            if (grade > current || !newOrgans.isEmpty()) {
                Severity severity = grade >= 3 ? Severity.CRITICAL : Severity.WARNING;
                String what = newOrgans.isEmpty() ? "Acute GVHD flare" : "Acute GVHD flare with new "
                        + newOrgans.stream().map(o -> o.name().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", ")) + " involvement";
                course.add(episode(FLARE, AlertKind.GVHD_FLARE, severity, t, stage, what, course.get(course.size() - 1).key()));
                involved.addAll(stage.involved());
            }
            current = grade;
        }
        if (!course.isEmpty()) {
            episodes.addAll(flagRefractory(course, courseStart, null, series, times, steroids));
        }
        episodes.sort(Comparator.comparing(Episode::onsetAt));
        return new Course(episodes, changes);
    }

    /** The course's episodes, those from the one open when the course was found steroid-refractory on flagged. */
    private List<Episode> flagRefractory(List<Episode> course, Instant start, Instant end, PatientSeries series, TreeSet<Instant> times,
                                         List<SteroidDose> steroids) {
        if (steroids.isEmpty()) {
            return course;
        }
        Optional<SteroidRefractoriness.Flag> flag = refractoriness.judge(start, end, series, times, steroids, staging);
        if (flag.isEmpty()) {
            return course;
        }
        Instant at = flag.get().at();
        Episode open = course.stream().filter(e -> !e.onsetAt().isAfter(at)).reduce((a, b) -> b).orElseThrow();
        String note = "; steroid-refractory on " + ClinicalText.TIME.format(at) + " [" + SteroidRefractoriness.RULE.id() + " v"
                + SteroidRefractoriness.RULE.version() + "]: " + flag.get().reason() + "; consider second-line treatment";
        return course.stream().map(e -> e.onsetAt().isBefore(open.onsetAt()) ? e : e.flagged(note, flag.get().evidence())).toList();
    }

    private static Episode episode(RuleRef rule, AlertKind kind, Severity severity, Instant at, GvhdStaging.Stage stage, String what,
                                   Episode.EpisodeKey supersedes) {
        List<Evidence> evidence = stage.evidence();
        String liver = stage.liverNote() == null ? "" : "; " + stage.liverNote();
        String summary = what + " on " + ClinicalText.TIME.format(at) + ": MAGIC grade " + ROMAN[stage.grade()] + " (" + stage.describe()
                + liver + "); examine the patient and start or intensify GVHD treatment";
        return new Episode(Episode.EpisodeKey.at(rule, at), kind, severity, at, null, summary, evidence, supersedes);
    }
}
