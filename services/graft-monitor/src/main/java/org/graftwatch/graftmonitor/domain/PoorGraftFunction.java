package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Poor graft function: after day +28, at least two of ANC ≤ 0.5 × 10⁹/L, platelets ≤ 20 × 10⁹/L and haemoglobin
 * ≤ 70 g/L on three consecutive days, while the graft is there (donor chimerism above 95 % in the latest whole-blood
 * or marrow result up to then): the cytopenia is the graft's function, not its loss. A cytopenia holds on a day
 * when every result of that analyte that day meets it. Dated on the third day.
 * <p>
 * It resolves on the third of three consecutive days on which fewer than two cytopenias can hold: enough of the
 * three counts were reported that day above their thresholds (with two required, two of them), so a day on which
 * only one normal count was drawn proves nothing. A later run of cytopenias is a new episode.
 */
public final class PoorGraftFunction {
    public static final RuleRef RULE = new RuleRef("poor-graft-function", "1");
    private static final int COUNTS = 3;

    private final GraftFailureCriteria criteria;

    public PoorGraftFunction(GraftFailureCriteria criteria) {
        this.criteria = criteria;
    }

    /** The three counts by day (ANC, platelets, Hb, in that order), and the days with any of them. */
    private record Counts(Map<Analyte, NavigableMap<LocalDate, List<CountSample>>> byAnalyte,
                          NavigableMap<LocalDate, List<CountSample>> days) {
        List<CountSample> of(Analyte analyte, LocalDate day) {
            return byAnalyte.get(analyte).get(day);
        }
    }

    public List<GraftEpisode> evaluate(Transplant transplant, LocalDate until, GraftHistory history) {
        LocalDate from = transplant.dayZero().plusDays(criteria.poorFunctionAfterDay() + 1L);
        Counts counts = counts(history, from, until);
        int length = criteria.poorFunctionConsecutiveDays();
        List<GraftEpisode> episodes = new ArrayList<>();
        LocalDate searchFrom = from;
        while (true) {
            LocalDate after = searchFrom;
            Optional<List<LocalDate>> run = DailyCounts.firstRun(counts.days(), d -> cytopenias(d, counts).size()
                    >= criteria.poorFunctionCytopenias(), length, d -> !d.isBefore(after) && donorGraft(transplant, history,
                    d.plusDays(length - 1L)).isPresent());
            if (run.isEmpty()) {
                return episodes;
            }
            LocalDate reached = run.get().get(length - 1);
            GraftEpisode episode = episode(transplant, counts, run.get(), donorGraft(transplant, history, reached).orElseThrow(),
                    episodes.isEmpty() ? transplant.anchor() : transplant.anchor() + "-" + reached);
            Predicate<LocalDate> recovered = d -> measuredAbove(d, counts) > COUNTS - criteria.poorFunctionCytopenias();
            Optional<List<LocalDate>> recovery = DailyCounts.firstRun(counts.days(), recovered, length, d -> d.isAfter(reached));
            if (recovery.isEmpty()) {
                episodes.add(episode);
                return episodes;
            }
            LocalDate recoveredOn = recovery.get().get(length - 1);
            List<Evidence> shownBy = lastOfDay(recoveredOn, counts);
            Instant at = shownBy.stream().map(Evidence::effectiveAt).max(Comparator.naturalOrder()).orElseThrow();
            episodes.add(episode.endedAt(at,
                    "recovered on " + recoveredOn + " (" + length + " consecutive days with fewer than "
                            + criteria.poorFunctionCytopenias() + " cytopenias)", shownBy));
            searchFrom = recoveredOn.plusDays(1);
        }
    }

    private static Counts counts(GraftHistory history, LocalDate from, LocalDate until) {
        Map<Analyte, NavigableMap<LocalDate, List<CountSample>>> byAnalyte = new EnumMap<>(Analyte.class);
        byAnalyte.put(Analyte.ANC, DailyCounts.byDay(history.anc(), from, until));
        byAnalyte.put(Analyte.PLATELETS, DailyCounts.byDay(history.platelets(), from, until));
        byAnalyte.put(Analyte.HAEMOGLOBIN, DailyCounts.byDay(history.haemoglobin(), from, until));
        // the days with any count: the run helper only needs the calendar, the predicates read the three series
        NavigableMap<LocalDate, List<CountSample>> days = new TreeMap<>();
        byAnalyte.values().forEach(series -> series.keySet().forEach(d -> days.put(d, List.of())));
        return new Counts(byAnalyte, days);
    }

    /** The cytopenia threshold of each count: at or below it, the count is a cytopenia. */
    private double atMost(Analyte analyte) {
        return analyte == Analyte.ANC ? criteria.poorFunctionAncAtMost()
                : analyte == Analyte.PLATELETS ? criteria.poorFunctionPlateletsAtMost() : criteria.poorFunctionHaemoglobinAtMost();
    }

    /** The latest whole-blood or marrow chimerism up to {@code day}, if it shows the donor graft (above 95 %). */
    private Optional<ChimerismSample> donorGraft(Transplant transplant, GraftHistory history, LocalDate day) {
        return ChimerismSample.latestOfGraft(history.chimerism(), transplant.dayZero(), day, null)
                .filter(c -> c.donorShare() > criteria.poorFunctionChimerismAbove());
    }

    private GraftEpisode episode(Transplant transplant, Counts counts, List<LocalDate> run, ChimerismSample donor, String anchor) {
        LocalDate reached = run.get(run.size() - 1);
        List<Evidence> evidence = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (LocalDate d : run) {
            for (Cytopenia c : cytopenias(d, counts)) {
                evidence.add(ClinicalText.evidence(c.analyte(), List.of(c.sample())).get(0));
                if (d.equals(reached)) {
                    described.add(c.name() + " " + ClinicalText.number(c.sample().value()) + " " + c.unit());
                }
            }
        }
        evidence.add(ClinicalText.evidence(donor));
        return new GraftEpisode(RULE, AlertKind.GRAFT_FAILURE, Severity.WARNING, anchor,
                evidence.stream().filter(e -> !e.effectiveAt().isBefore(reached.atStartOfDay().toInstant(ZoneOffset.UTC)))
                        .map(Evidence::effectiveAt).min(Comparator.naturalOrder()).orElseThrow(),
                (int) ChronoUnit.DAYS.between(transplant.dayZero(), reached),
                "Poor graft function: " + run.size() + " consecutive days with two or more cytopenias after day +"
                        + criteria.poorFunctionAfterDay() + " (" + String.join(", ", described) + " on the last) with donor chimerism "
                        + ClinicalText.number(donor.donorShare()) + " %",
                evidence, null);
    }

    private record Cytopenia(Analyte analyte, CountSample sample) {
        String name() {
            return analyte == Analyte.ANC ? "ANC" : analyte == Analyte.PLATELETS ? "platelets" : "Hb";
        }

        String unit() {
            return analyte == Analyte.HAEMOGLOBIN ? "g/L" : "×10⁹/L";
        }
    }

    private List<Cytopenia> cytopenias(LocalDate day, Counts counts) {
        List<Cytopenia> found = new ArrayList<>();
        for (Analyte analyte : counts.byAnalyte().keySet()) {
            if (DailyCounts.every(counts.of(analyte, day), v -> v <= atMost(analyte))) {
                found.add(new Cytopenia(analyte, counts.of(analyte, day).get(0)));
            }
        }
        return found;
    }

    /** How many of the three counts were reported on {@code day} with every result above its cytopenia threshold. */
    private int measuredAbove(LocalDate day, Counts counts) {
        return (int) counts.byAnalyte().keySet().stream().filter(a -> DailyCounts.every(counts.of(a, day), v -> v > atMost(a))).count();
    }

    /** The last result of each count on the day recovery was reached, as evidence. */
    private static List<Evidence> lastOfDay(LocalDate day, Counts counts) {
        List<Evidence> evidence = new ArrayList<>();
        for (Analyte analyte : counts.byAnalyte().keySet()) {
            List<CountSample> samples = counts.of(analyte, day);
            if (samples != null) {
                evidence.addAll(ClinicalText.evidence(analyte, List.of(samples.get(samples.size() - 1))));
            }
        }
        return evidence;
    }
}
