package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
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
 */
public final class PoorGraftFunction {
    public static final RuleRef RULE = new RuleRef("poor-graft-function", "1");

    private final GraftFailureCriteria criteria;

    public PoorGraftFunction(GraftFailureCriteria criteria) {
        this.criteria = criteria;
    }

    public Optional<GraftEpisode> evaluate(Transplant transplant, LocalDate until, GraftHistory history) {
        LocalDate from = transplant.dayZero().plusDays(criteria.poorFunctionAfterDay() + 1L);
        NavigableMap<LocalDate, List<CountSample>> anc = DailyCounts.byDay(history.anc(), from, until);
        NavigableMap<LocalDate, List<CountSample>> platelets = DailyCounts.byDay(history.platelets(), from, until);
        NavigableMap<LocalDate, List<CountSample>> hb = DailyCounts.byDay(history.haemoglobin(), from, until);
        // the days with any count: the run helper only needs the calendar, the predicate reads the three series
        NavigableMap<LocalDate, List<CountSample>> days = new TreeMap<>();
        for (var series : List.of(anc, platelets, hb)) {
            series.keySet().forEach(d -> days.put(d, List.of()));
        }
        Optional<List<LocalDate>> run = DailyCounts.firstRun(days, d -> cytopenias(d, anc, platelets, hb).size()
                >= criteria.poorFunctionCytopenias(), criteria.poorFunctionConsecutiveDays(), d -> true);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        LocalDate reached = run.get().get(run.get().size() - 1);
        Optional<ChimerismSample> donor = history.chimerism().stream()
                .filter(c -> c.lineage() == Lineage.WHOLE_BLOOD || c.lineage() == Lineage.BONE_MARROW)
                .filter(c -> !c.day().isBefore(transplant.dayZero()) && !c.day().isAfter(reached))
                .max(Comparator.comparing(ChimerismSample::at));
        if (donor.filter(c -> c.donorShare() > criteria.poorFunctionChimerismAbove()).isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (LocalDate d : run.get()) {
            for (Cytopenia c : cytopenias(d, anc, platelets, hb)) {
                evidence.add(ClinicalText.evidence(c.analyte(), List.of(c.sample())).get(0));
                if (d.equals(reached)) {
                    described.add(c.name() + " " + ClinicalText.number(c.sample().value()) + " " + c.unit());
                }
            }
        }
        evidence.add(ClinicalText.evidence(donor.get()));
        return Optional.of(new GraftEpisode(RULE, AlertKind.GRAFT_FAILURE, Severity.WARNING, transplant.anchor(),
                evidence.stream().filter(e -> !e.effectiveAt().isBefore(reached.atStartOfDay().toInstant(ZoneOffset.UTC)))
                        .map(Evidence::effectiveAt).min(Comparator.naturalOrder()).orElseThrow(),
                (int) ChronoUnit.DAYS.between(transplant.dayZero(), reached),
                "Poor graft function: " + run.get().size() + " consecutive days with two or more cytopenias after day +"
                        + criteria.poorFunctionAfterDay() + " (" + String.join(", ", described) + " on the last) with donor chimerism "
                        + ClinicalText.number(donor.get().donorShare()) + " %",
                evidence, null));
    }

    private record Cytopenia(String name, Analyte analyte, String unit, CountSample sample) {
    }

    private List<Cytopenia> cytopenias(LocalDate day, NavigableMap<LocalDate, List<CountSample>> anc,
                                       NavigableMap<LocalDate, List<CountSample>> platelets,
                                       NavigableMap<LocalDate, List<CountSample>> hb) {
        List<Cytopenia> found = new ArrayList<>();
        if (DailyCounts.every(anc.get(day), v -> v <= criteria.poorFunctionAncAtMost())) {
            found.add(new Cytopenia("ANC", Analyte.ANC, "×10⁹/L", anc.get(day).get(0)));
        }
        if (DailyCounts.every(platelets.get(day), v -> v <= criteria.poorFunctionPlateletsAtMost())) {
            found.add(new Cytopenia("platelets", Analyte.PLATELETS, "×10⁹/L", platelets.get(day).get(0)));
        }
        if (DailyCounts.every(hb.get(day), v -> v <= criteria.poorFunctionHaemoglobinAtMost())) {
            found.add(new Cytopenia("Hb", Analyte.HAEMOGLOBIN, "g/L", hb.get(day).get(0)));
        }
        return found;
    }
}
