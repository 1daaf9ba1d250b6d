package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;

/**
 * Count results grouped by calendar day, and the runs of consecutive days the count rules are made of. A day
 * meets a threshold only when every result of that day does; a day without a result breaks a run.
 */
final class DailyCounts {
    private DailyCounts() {
    }

    /** Results on days {@code from} (inclusive) to {@code until} (exclusive, null = open), by day, each day in time order. */
    static NavigableMap<LocalDate, List<CountSample>> byDay(Collection<CountSample> samples, LocalDate from, LocalDate until) {
        NavigableMap<LocalDate, List<CountSample>> days = new TreeMap<>();
        samples.stream()
                .filter(s -> !s.day().isBefore(from) && (until == null || s.day().isBefore(until)))
                .sorted(Comparator.comparing(CountSample::at))
                .forEach(s -> days.computeIfAbsent(s.day(), d -> new ArrayList<>()).add(s));
        return days;
    }

    static boolean every(List<CountSample> day, DoublePredicate test) {
        return day != null && !day.isEmpty() && day.stream().allMatch(s -> test.test(s.value()));
    }

    /**
     * The earliest run of {@code length} consecutive qualifying days whose first day is accepted.
     *
     * @return the days of the run, in order
     */
    static Optional<List<LocalDate>> firstRun(NavigableMap<LocalDate, List<CountSample>> days, Predicate<LocalDate> qualifies,
                                              int length, Predicate<LocalDate> firstDayAccepted) {
        for (LocalDate first : days.keySet()) {
            if (!qualifies.test(first) || !firstDayAccepted.test(first)) {
                continue;
            }
            List<LocalDate> run = new ArrayList<>(List.of(first));
            while (run.size() < length) {
                LocalDate next = run.get(run.size() - 1).plusDays(1);
                if (!days.containsKey(next) || !qualifies.test(next)) {
                    break;
                }
                run.add(next);
            }
            if (run.size() == length) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    /** The first result of each day of a run: the evidence a clinician reads. */
    static List<CountSample> firstOfEachDay(NavigableMap<LocalDate, List<CountSample>> days, List<LocalDate> run) {
        return run.stream().map(d -> days.get(d).get(0)).toList();
    }

    /** The number of days of the longest run of consecutive qualifying days. */
    static int longestRun(NavigableMap<LocalDate, List<CountSample>> days, Predicate<LocalDate> qualifies) {
        int longest = 0;
        int current = 0;
        LocalDate previous = null;
        for (LocalDate day : days.keySet()) {
            if (!qualifies.test(day)) {
                current = 0;
            } else {
                current = previous != null && current > 0 && day.equals(previous.plusDays(1)) ? current + 1 : 1;
                longest = Math.max(longest, current);
            }
            previous = day;
        }
        return longest;
    }
}
