package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import org.graftwatch.contract.RuleRef;

/**
 * Platelet engraftment (CIBMTR): the first of three consecutive days after day 0 with platelets ≥ 20 × 10⁹/L,
 * after the nadir (the first post-transplant value below 20), with no platelet transfusion in the seven days before
 * the first of them. A transfusion during the run disqualifies it too: those counts are the donor's platelets, not
 * the graft's. The window counts calendar days: a transfusion on day first−7 is inside it, one on day first−8 is not.
 */
public final class PlateletEngraftment {
    public static final RuleRef RULE = new RuleRef("platelet-engraftment", "1");

    private final PlateletEngraftmentCriteria criteria;

    public PlateletEngraftment(PlateletEngraftmentCriteria criteria) {
        this.criteria = criteria;
    }

    /**
     * @param dayZero      the transplant's infusion date
     * @param until        the next transplant's day 0, or null
     * @param platelets    the patient's platelet counts, any order
     * @param transfusions the patient's platelet transfusions (their time is what matters), any order
     * @param reportedUntil the event time up to which every sender has reported, or null when all is in: a run is
     *                      concluded only once a transfusion in its window can no longer arrive (transfusions often
     *                      come from another system than the counts, and may lag them)
     */
    public Optional<Engraftment> evaluate(LocalDate dayZero, LocalDate until, List<CountSample> platelets,
                                          List<CountSample> transfusions, Instant reportedUntil) {
        double threshold = criteria.counts().threshold();
        NavigableMap<LocalDate, List<CountSample>> days = DailyCounts.byDay(platelets, dayZero.plusDays(1), until);
        Optional<CountSample> nadir = days.values().stream().flatMap(List::stream)
                .filter(s -> s.value() < threshold).min(Comparator.comparing(CountSample::at));
        if (nadir.isEmpty()) {
            return Optional.empty();
        }
        NavigableMap<LocalDate, List<CountSample>> afterNadir = days.tailMap(nadir.get().day(), false);
        int length = criteria.counts().consecutiveDays();
        return DailyCounts.firstRun(afterNadir, d -> DailyCounts.every(afterNadir.get(d), v -> v >= threshold), length,
                        first -> transfusionFree(first, afterNadir.get(first.plusDays(length - 1)), transfusions, reportedUntil))
                .map(run -> new Engraftment(run.get(0), (int) ChronoUnit.DAYS.between(dayZero, run.get(0)),
                        DailyCounts.firstOfEachDay(afterNadir, run)));
    }

    private boolean transfusionFree(LocalDate first, List<CountSample> lastDay, List<CountSample> transfusions, Instant reportedUntil) {
        var windowStart = first.minusDays(criteria.transfusionFreeDays()).atStartOfDay().toInstant(ZoneOffset.UTC);
        var windowEnd = lastDay == null ? first.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                : lastDay.get(lastDay.size() - 1).at();
        return (reportedUntil == null || !reportedUntil.isBefore(windowEnd))
                && transfusions.stream().noneMatch(t -> !t.at().isBefore(windowStart) && t.at().isBefore(windowEnd));
    }
}
