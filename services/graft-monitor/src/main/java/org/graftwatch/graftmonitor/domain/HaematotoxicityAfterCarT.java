package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Immune effector cell-associated haematotoxicity after CAR-T (EHA/EBMT, Rejeski et al., Blood 2023). Day 0 is the
 * CAR-T infusion.
 * <ul>
 * <li>Early (days 0–30), by the duration of neutropenia: grade 3 after 14 consecutive days with ANC ≤ 0.5 × 10⁹/L,
 * grade 4 after 7 consecutive days with ANC &lt; 0.1. A grade is dated on the day its duration is reached.</li>
 * <li>Late (after day +30), by depth: grade 3 ANC ≤ 0.5, grade 4 &lt; 0.1, each on consecutive results (a single
 * value is a transient dip), and only without relapse: once marrow blasts ≥ 5 % or blood blasts reappearing after a
 * 0 % result are documented, cytopenia is the leukaemia's, not the CAR-T's.</li>
 * </ul>
 * Both end at the next HSCT or CAR-T: the aplasia after conditioning is not CAR-T haematotoxicity. Grade ≥ 3 raises
 * POOR_COUNT_RECOVERY, a warning at 3 and critical at 4; a grade 4 reached after grade 3 supersedes it.
 * <p>
 * An episode ends when the counts recover: ANC above 0.5 on three consecutive days after an early grade (every result of
 * each day), on consecutive results after a late one; a late one also ends when relapse is documented (the cytopenia is
 * then the leukaemia's); any open one ends at the next HSCT or CAR-T, where its phase ends. Each grade is raised once
 * per phase: the grade describes the CAR-T's haematotoxicity, not a recurring event.
 */
public final class HaematotoxicityAfterCarT {
    public static final RuleRef EARLY = new RuleRef("icaht-early", "1");
    public static final RuleRef LATE = new RuleRef("icaht-late", "1");

    private final IcahtCriteria criteria;

    public HaematotoxicityAfterCarT(IcahtCriteria criteria) {
        this.criteria = criteria;
    }

    /** The grades reached after one CAR-T: early and late 0–4 (late only from results before a documented relapse). */
    public record Grading(LocalDate carTDay, int earlyGrade, int lateGrade, boolean relapseDocumented) {
    }

    /** A grade reached: when, and the results that reached it. */
    private record Reached(int grade, Instant at, LocalDate day, List<CountSample> evidence) {
    }

    public Grading grade(LocalDate carT, LocalDate until, GraftHistory history) {
        NavigableMap<LocalDate, List<CountSample>> early = earlyDays(carT, until, history.anc());
        int neutropenicDays = DailyCounts.longestRun(early, d -> DailyCounts.every(early.get(d), v -> v <= criteria.neutropeniaAtMost()));
        int earlyGrade = neutropenicDays == 0 ? 0 : neutropenicDays < criteria.grade2Days() ? 1 : neutropenicDays < criteria.grade3Days() ? 2 : 3;
        if (DailyCounts.longestRun(early, d -> DailyCounts.every(early.get(d), v -> v < criteria.profoundBelow())) >= criteria.grade4Days()) {
            earlyGrade = 4;
        }
        Optional<Instant> relapse = relapseDocumented(carT, until, history);
        List<CountSample> late = lateResults(carT, until, history.anc()).stream()
                .filter(s -> relapse.isEmpty() || s.at().isBefore(relapse.get())).toList();
        int lateGrade = 0;
        for (int i = 0; i + criteria.lateConfirmingResults() <= late.size(); i++) {
            int confirmed = late.subList(i, i + criteria.lateConfirmingResults()).stream().mapToInt(s -> lateGrade(s.value())).min().orElse(0);
            lateGrade = Math.max(lateGrade, confirmed);
        }
        return new Grading(carT, earlyGrade, lateGrade, relapse.isPresent());
    }

    /**
     * @param until             the next HSCT or CAR-T after this one, or null
     * @param dayPostTransplant day +N of a date after the latest transplant, or null
     */
    public List<GraftEpisode> evaluate(LocalDate carT, LocalDate until, GraftHistory history,
                                       Function<LocalDate, Integer> dayPostTransplant) {
        NavigableMap<LocalDate, List<CountSample>> early = earlyDays(carT, until, history.anc());
        Optional<Reached> grade3 = DailyCounts.firstRun(early, d -> DailyCounts.every(early.get(d), v -> v <= criteria.neutropeniaAtMost()),
                criteria.grade3Days(), d -> true).map(run -> reachedOnLastDay(3, early, run));
        Optional<Reached> grade4 = DailyCounts.firstRun(early, d -> DailyCounts.every(early.get(d), v -> v < criteria.profoundBelow()),
                criteria.grade4Days(), d -> true).map(run -> reachedOnLastDay(4, early, run));
        List<GraftEpisode> episodes = new ArrayList<>(escalation(EARLY, carT, "early", grade3, grade4, dayPostTransplant).stream()
                .map(e -> withEnd(e, earlyRecovery(e, until, history.anc()), Optional.empty(), until)).toList());

        List<CountSample> late = lateResults(carT, until, history.anc());
        Optional<Reached> late3 = confirmed(late, v -> v <= criteria.neutropeniaAtMost(), 3);
        Optional<Reached> late4 = confirmed(late, v -> v < criteria.profoundBelow(), 4);
        Optional<Instant> relapse = relapseDocumented(carT, until, history);
        if (relapse.isPresent()) {
            late3 = late3.filter(r -> r.at().isBefore(relapse.get()));
            late4 = late4.filter(r -> r.at().isBefore(relapse.get()));
        }
        episodes.addAll(escalation(LATE, carT, "late", late3, late4, dayPostTransplant).stream()
                .map(e -> withEnd(e, confirmed(late.stream().filter(s -> s.at().isAfter(e.onsetAt())).toList(),
                        v -> v > criteria.neutropeniaAtMost(), 0), relapse, until)).toList());
        return episodes;
    }

    /** The first {@code recoveryDays} consecutive days after the episode's day with every ANC above the neutropenia threshold. */
    private Optional<Reached> earlyRecovery(GraftEpisode episode, LocalDate until, List<CountSample> anc) {
        NavigableMap<LocalDate, List<CountSample>> days = DailyCounts.byDay(anc,
                LocalDate.ofInstant(episode.onsetAt(), ZoneOffset.UTC).plusDays(1), until);
        return DailyCounts.firstRun(days, d -> DailyCounts.every(days.get(d), v -> v > criteria.neutropeniaAtMost()),
                criteria.recoveryDays(), d -> true).map(run -> reachedOnLastDay(0, days, run));
    }

    /** The episode ended by whichever came first after its onset: count recovery, documented relapse, the phase's end. */
    private GraftEpisode withEnd(GraftEpisode episode, Optional<Reached> recovery, Optional<Instant> relapse, LocalDate until) {
        Instant phaseEnd = until == null ? null : until.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant relapsedAt = relapse.filter(r -> r.isAfter(episode.onsetAt())).orElse(null);
        Instant recoveredAt = recovery.map(Reached::at).orElse(null);
        Instant first = Stream.of(recoveredAt, relapsedAt, phaseEnd).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        if (first == null) {
            return episode;
        }
        if (first.equals(recoveredAt)) {
            return episode.endedAt(first, "counts recovered: ANC " + ClinicalText.values(recovery.get().evidence()) + " ×10⁹/L by "
                    + recovery.get().day(), ClinicalText.evidence(Analyte.ANC, recovery.get().evidence()));
        }
        if (first.equals(relapsedAt)) {
            return episode.endedAt(first, "relapse documented on " + LocalDate.ofInstant(first, ZoneOffset.UTC)
                    + ": the cytopenia is no longer graded as ICAHT", List.of());
        }
        return episode.endedAt(first, "the CAR-T phase ended with the next HSCT or CAR-T on " + until, List.of());
    }

    private List<GraftEpisode> escalation(RuleRef rule, LocalDate carT, String phase, Optional<Reached> grade3, Optional<Reached> grade4,
                                          Function<LocalDate, Integer> dayPostTransplant) {
        List<GraftEpisode> episodes = new ArrayList<>();
        String anchor3 = "CAR-T-" + carT + "-" + phase + "-grade3";
        boolean warningFirst = criteria.alertGrade() <= 3 && grade3.isPresent()
                && (grade4.isEmpty() || grade3.get().at().isBefore(grade4.get().at()));
        if (warningFirst) {
            episodes.add(episode(rule, carT, phase, grade3.get(), anchor3, null, dayPostTransplant));
        }
        grade4.ifPresent(g -> episodes.add(episode(rule, carT, phase, g, "CAR-T-" + carT + "-" + phase + "-grade4",
                warningFirst ? anchor3 : null, dayPostTransplant)));
        return episodes;
    }

    private GraftEpisode episode(RuleRef rule, LocalDate carT, String phase, Reached reached, String anchor, String supersedes,
                                 Function<LocalDate, Integer> dayPostTransplant) {
        long carTDay = ChronoUnit.DAYS.between(carT, reached.day());
        String measure = reached.evidence().size() + (phase.equals("early") ? " consecutive days" : " consecutive results")
                + " with ANC " + (reached.grade() == 4 ? "< " + ClinicalText.number(criteria.profoundBelow())
                : "≤ " + ClinicalText.number(criteria.neutropeniaAtMost())) + " ×10⁹/L";
        String summary = (phase.equals("early") ? "Early" : "Late") + " ICAHT grade " + reached.grade() + " after CAR-T of " + carT
                + ": " + measure + " by CAR-T day +" + carTDay + " (ANC " + ClinicalText.values(reached.evidence()) + ")";
        return new GraftEpisode(rule, AlertKind.POOR_COUNT_RECOVERY, reached.grade() == 4 ? Severity.CRITICAL : Severity.WARNING,
                anchor, reached.at(), dayPostTransplant.apply(reached.day()), summary,
                ClinicalText.evidence(Analyte.ANC, reached.evidence()), supersedes);
    }

    private static Reached reachedOnLastDay(int grade, NavigableMap<LocalDate, List<CountSample>> days, List<LocalDate> run) {
        List<CountSample> evidence = DailyCounts.firstOfEachDay(days, run);
        CountSample last = evidence.get(evidence.size() - 1);
        return new Reached(grade, last.at(), last.day(), evidence);
    }

    private Optional<Reached> confirmed(List<CountSample> late, DoublePredicate atGrade, int grade) {
        int n = criteria.lateConfirmingResults();
        for (int i = 0; i + n <= late.size(); i++) {
            List<CountSample> window = late.subList(i, i + n);
            if (window.stream().allMatch(s -> atGrade.test(s.value()))) {
                CountSample last = window.get(n - 1);
                return Optional.of(new Reached(grade, last.at(), last.day(), window));
            }
        }
        return Optional.empty();
    }

    private int lateGrade(double anc) {
        return anc < criteria.profoundBelow() ? 4 : anc <= criteria.neutropeniaAtMost() ? 3
                : anc <= criteria.lateGrade2AtMost() ? 2 : anc <= criteria.lateGrade1AtMost() ? 1 : 0;
    }

    private NavigableMap<LocalDate, List<CountSample>> earlyDays(LocalDate carT, LocalDate until, List<CountSample> anc) {
        LocalDate end = carT.plusDays(criteria.earlyLastDay() + 1L);
        return DailyCounts.byDay(anc, carT, until != null && until.isBefore(end) ? until : end);
    }

    private List<CountSample> lateResults(LocalDate carT, LocalDate until, List<CountSample> anc) {
        return List.copyOf(DailyCounts.byDay(anc, carT.plusDays(criteria.earlyLastDay() + 1L), until).values().stream()
                .flatMap(List::stream).toList());
    }

    /** When relapse was first documented after this CAR-T: marrow blasts ≥ 5 %, or blood blasts after a 0 % result. */
    private Optional<Instant> relapseDocumented(LocalDate carT, LocalDate until, GraftHistory history) {
        Optional<Instant> marrow = DailyCounts.byDay(history.marrowBlasts(), carT, until).values().stream().flatMap(List::stream)
                .filter(s -> s.value() >= criteria.relapseMarrowBlastsAtLeast()).map(CountSample::at).min(Comparator.naturalOrder());
        Instant clear = null;
        Instant reappeared = null;
        for (CountSample s : DailyCounts.byDay(history.bloodBlasts(), carT, until).values().stream().flatMap(List::stream).toList()) {
            if (s.value() <= 0) {
                clear = clear == null ? s.at() : clear;
            } else if (clear != null) {
                reappeared = s.at();
                break;
            }
        }
        Optional<Instant> blood = Optional.ofNullable(reappeared);
        return marrow.isEmpty() ? blood : blood.isEmpty() ? marrow
                : Optional.of(marrow.get().isBefore(blood.get()) ? marrow.get() : blood.get());
    }

}
