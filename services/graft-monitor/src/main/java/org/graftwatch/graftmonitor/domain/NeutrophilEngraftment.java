package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.graftwatch.contract.RuleRef;

/**
 * Neutrophil engraftment (CIBMTR): the first of three consecutive days after day 0, each with an ANC at or
 * above 0.5 × 10⁹/L, after the nadir (the first post-transplant value below 0.5). A day qualifies when every
 * ANC reported that day reaches the threshold; a day without a result breaks the run.
 */
public final class NeutrophilEngraftment {
    public static final RuleRef RULE = new RuleRef("neutrophil-engraftment", "1");

    private final EngraftmentCriteria criteria;

    public NeutrophilEngraftment(EngraftmentCriteria criteria) {
        this.criteria = criteria;
    }

    /**
     * @param dayZero the transplant's infusion date
     * @param until   the first day that no longer belongs to this transplant (the next one's day 0), or null
     * @param anc     the patient's ANC results in any order
     */
    public Optional<Engraftment> evaluate(LocalDate dayZero, LocalDate until, List<CountSample> anc) {
        List<CountSample> afterTransplant = anc.stream()
                .filter(s -> s.day().isAfter(dayZero) && (until == null || s.day().isBefore(until)))
                .sorted(Comparator.comparing(CountSample::at))
                .toList();
        Optional<CountSample> nadir = afterTransplant.stream().filter(s -> s.value() < criteria.threshold()).findFirst();
        if (nadir.isEmpty()) {
            return Optional.empty();
        }
        Map<LocalDate, List<CountSample>> byDay = new TreeMap<>();
        afterTransplant.stream().filter(s -> !s.at().isBefore(nadir.get().at()))
                .forEach(s -> byDay.computeIfAbsent(s.day(), d -> new ArrayList<>()).add(s));

        List<CountSample> run = new ArrayList<>();
        LocalDate previous = null;
        for (var day : byDay.entrySet()) {
            boolean qualifies = day.getValue().stream().allMatch(s -> s.value() >= criteria.threshold());
            boolean consecutive = previous != null && day.getKey().equals(previous.plusDays(1));
            if (!qualifies) {
                run.clear();
            } else {
                if (!consecutive) {
                    run.clear();
                }
                run.add(day.getValue().get(0));
                if (run.size() == criteria.consecutiveDays()) {
                    LocalDate onset = run.get(0).day();
                    return Optional.of(new Engraftment(onset, (int) ChronoUnit.DAYS.between(dayZero, onset), run));
                }
            }
            previous = day.getKey();
        }
        return Optional.empty();
    }
}
