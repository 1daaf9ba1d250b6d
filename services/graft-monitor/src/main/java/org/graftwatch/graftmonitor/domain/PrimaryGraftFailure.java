package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Primary graft failure: no neutrophil engraftment by day +28 when PBSC or marrow was in the graft, by day +42 for
 * cord-blood-only grafts. Engraftment dated on the deadline day is in time. The deadline is judged on clinical time
 * (the event time the patient's inputs have reached, never the wall clock): once it is past day +28, failure is concluded, unless a run of qualifying
 * days that began by the deadline is still open and could yet date engraftment in time. A patient whose ANC never
 * fell below the threshold after day 0 has no nadir to recover from and is not judged.
 * <p>
 * Neutrophil engraftment dated after the deadline ends the episode (late engraftment), on its third day, unless the
 * latest whole-blood or marrow chimerism by then shows graft loss: those neutrophils are the patient's own.
 */
public final class PrimaryGraftFailure {
    public static final RuleRef RULE = new RuleRef("primary-graft-failure", "1");

    private final GraftFailureCriteria criteria;
    private final EngraftmentCriteria neutrophil;

    public PrimaryGraftFailure(GraftFailureCriteria criteria, EngraftmentCriteria neutrophil) {
        this.criteria = criteria;
        this.neutrophil = neutrophil;
    }

    public int deadlineDay(Transplant transplant) {
        return transplant.cordBloodOnly() ? criteria.cordBloodOnlyDeadlineDay() : criteria.primaryDeadlineDay();
    }

    /**
     * @param engraftment the transplant's neutrophil engraftment, if any
     * @param chimerism   the patient's chimerism results, any order
     * @param clinicalNow the event time up to which the patient's results are in (every input stream has reported
     *                    that far: a stream running ahead must not pass the deadline before the counts arrive), or null
     */
    public Optional<GraftEpisode> evaluate(Transplant transplant, LocalDate until, List<CountSample> anc,
                                           Optional<Engraftment> engraftment, List<ChimerismSample> chimerism, Instant clinicalNow) {
        int deadline = deadlineDay(transplant);
        LocalDate deadlineDate = transplant.dayZero().plusDays(deadline);
        LocalDate judgedOn = deadlineDate.plusDays(1);
        if (clinicalNow == null || LocalDate.ofInstant(clinicalNow, ZoneOffset.UTC).isBefore(judgedOn)
                || (until != null && !until.isAfter(judgedOn))
                || engraftment.filter(e -> e.dayPostTransplant() <= deadline).isPresent()) {
            return Optional.empty();
        }
        NavigableMap<LocalDate, List<CountSample>> days = DailyCounts.byDay(anc, transplant.dayZero().plusDays(1), judgedOn);
        boolean nadirReached = days.values().stream().flatMap(List::stream).anyMatch(s -> s.value() < neutrophil.threshold());
        if (!nadirReached || runStillOpen(deadlineDate, LocalDate.ofInstant(clinicalNow, ZoneOffset.UTC), anc)) {
            return Optional.empty();
        }
        List<CountSample> lastCounts = days.values().stream().map(d -> d.get(d.size() - 1)).toList();
        lastCounts = lastCounts.subList(Math.max(0, lastCounts.size() - neutrophil.consecutiveDays()), lastCounts.size());
        String graft = transplant.cordBloodOnly() ? "cord-blood-only graft" : "PBSC or marrow in the graft";
        String latest = lastCounts.isEmpty() ? "no ANC reported"
                : "ANC " + ClinicalText.values(lastCounts) + " ×10⁹/L on the last days reported";
        GraftEpisode failure = new GraftEpisode(RULE, AlertKind.GRAFT_FAILURE, Severity.CRITICAL, transplant.anchor(),
                judgedOn.atStartOfDay().toInstant(ZoneOffset.UTC), deadline + 1,
                "Primary graft failure: no neutrophil engraftment by day +" + deadline + " (" + graft + "); " + latest,
                ClinicalText.evidence(Analyte.ANC, lastCounts), null);
        Optional<Engraftment> late = engraftment.filter(e -> ChimerismSample.latestOfGraft(chimerism, transplant.dayZero(),
                e.evidence().get(e.evidence().size() - 1).day(), until).filter(c -> c.donorShare() < criteria.graftLossChimerismBelow()).isEmpty());
        return Optional.of(late.map(e -> failure.endedAt(e.evidence().get(e.evidence().size() - 1).at(),
                "late neutrophil engraftment on day +" + e.dayPostTransplant() + " (ANC " + ClinicalText.values(e.evidence()) + " ×10⁹/L)",
                ClinicalText.evidence(Analyte.ANC, e.evidence()))).orElse(failure));
    }

    /** A run of qualifying days that began by the deadline and has not been broken yet. */
    private boolean runStillOpen(LocalDate deadlineDate, LocalDate today,
                                 List<CountSample> anc) {
        NavigableMap<LocalDate, List<CountSample>> all = DailyCounts.byDay(anc, deadlineDate.minusDays(neutrophil.consecutiveDays()), null);
        LocalDate day = deadlineDate;
        while (DailyCounts.every(all.get(day), v -> v >= neutrophil.threshold())) {
            day = day.minusDays(1);
        }
        LocalDate runStart = day.plusDays(1);
        if (runStart.isAfter(deadlineDate)) {
            return false;
        }
        LocalDate runEnd = deadlineDate;
        while (DailyCounts.every(all.get(runEnd.plusDays(1)), v -> v >= neutrophil.threshold())) {
            runEnd = runEnd.plusDays(1);
        }
        boolean brokenByLowCount = all.containsKey(runEnd.plusDays(1));
        return !brokenByLowCount && !today.isAfter(runEnd.plusDays(1));
    }
}
