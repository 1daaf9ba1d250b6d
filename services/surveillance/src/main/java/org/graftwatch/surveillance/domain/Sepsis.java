package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Sepsis (Sepsis-3 as chosen in clinical-criteria.md): suspected infection (fever ≥ 38.0 °C or < 36.0 °C, or
 * procalcitonin ≥ 0.5 ng/mL, within the previous 48 hours; febrile neutropenia always comes with such a fever)
 * together with qSOFA ≥ 2, NEWS2 ≥ 7 or an acute SOFA rise ≥ 2. Assessed at the time of every relevant result, from
 * the latest value of each parameter. One episode lasts while infection is suspected: it ends 48 hours after the
 * last sign of infection, and only then can a new episode start.
 */
public final class Sepsis {
    public static final RuleRef RULE = new RuleRef("sepsis", "1");
    private static final List<Analyte> ASSESSED = List.of(Analyte.BODY_TEMPERATURE, Analyte.PROCALCITONIN, Analyte.RESPIRATORY_RATE,
            Analyte.SPO2, Analyte.OXYGEN_SUPPLEMENT, Analyte.SYSTOLIC_BP, Analyte.HEART_RATE, Analyte.CONSCIOUSNESS, Analyte.GCS_TOTAL,
            Analyte.PLATELETS, Analyte.BILIRUBIN, Analyte.CREATININE, Analyte.MEAN_ARTERIAL_PRESSURE, Analyte.NOREPINEPHRINE_DOSE);

    private final SepsisCriteria criteria;
    private final Qsofa qsofa;

    public Sepsis(SepsisCriteria criteria) {
        this.criteria = criteria;
        this.qsofa = new Qsofa(criteria);
    }

    /** The most recent sign of suspected infection within the lookback before {@code at}, if any. */
    public Optional<Evidence> suspectedInfection(PatientSeries series, Instant at) {
        Instant from = at.minus(criteria.infectionLookback());
        Optional<Evidence> fever = series.between(Analyte.BODY_TEMPERATURE, from, at).stream()
                .filter(r -> r.value() >= criteria.feverAtOrAbove() || r.value() < criteria.hypothermiaBelow())
                .reduce((a, b) -> b).map(r -> PatientSeries.evidence(Analyte.BODY_TEMPERATURE, r));
        Optional<Evidence> procalcitonin = series.between(Analyte.PROCALCITONIN, from, at).stream()
                .filter(r -> r.value() >= criteria.procalcitoninAtOrAbove())
                .reduce((a, b) -> b).map(r -> PatientSeries.evidence(Analyte.PROCALCITONIN, r));
        return Stream.of(fever, procalcitonin).flatMap(Optional::stream).max(Comparator.comparing(Evidence::effectiveAt));
    }

    /**
     * @param febrileNeutropenia febrile-neutropenia episodes: a sepsis episode supersedes the one of the previous 48 h
     */
    public List<Episode> evaluate(PatientSeries series, List<Episode> febrileNeutropenia) {
        TreeSet<Instant> times = new TreeSet<>();
        ASSESSED.forEach(a -> series.of(a).forEach(r -> times.add(r.at())));
        List<Episode> episodes = new ArrayList<>();
        Episode open = null;
        Instant lastSign = null;
        for (Instant t : times) {
            if (open != null && !t.isBefore(lastSign.plus(criteria.infectionLookback()))) {
                episodes.add(open.endedAt(lastSign.plus(criteria.infectionLookback())));
                open = null;
            }
            Optional<Evidence> infection = suspectedInfection(series, t);
            if (infection.isEmpty()) {
                continue;
            }
            lastSign = infection.get().effectiveAt();
            if (open == null) {
                open = onsetAt(series, t, infection.get(), febrileNeutropenia).orElse(null);
            }
        }
        if (open != null) {
            Instant end = lastSign.plus(criteria.infectionLookback());
            Optional<Instant> horizon = series.horizon();
            episodes.add(horizon.isPresent() && !horizon.get().isBefore(end) ? open.endedAt(end) : open);
        }
        return episodes;
    }

    private Optional<Episode> onsetAt(PatientSeries series, Instant t, Evidence infection, List<Episode> febrileNeutropenia) {
        Qsofa.Score q = qsofa.at(series, t, criteria.vitalSignsWindow());
        News2.Score news = News2.at(series, t, criteria.vitalSignsWindow());
        Sofa.Rise sofa = Sofa.riseAt(series, t, criteria.vitalSignsWindow(), criteria.laboratoryWindow(), criteria.sofaBaseline());
        List<String> met = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>(List.of(infection));
        if (q.total() >= criteria.qsofaAtLeast()) {
            met.add("qSOFA " + q.total());
            evidence.addAll(q.used());
        }
        if (news.total() >= criteria.news2AtLeast()) {
            met.add("NEWS2 " + news.total());
            evidence.addAll(news.used());
        }
        if (sofa.points() >= criteria.sofaRiseAtLeast()) {
            met.add("SOFA rise " + sofa.points());
            evidence.addAll(sofa.used());
        }
        if (met.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> distinct = Episode.distinct(evidence);
        Episode.EpisodeKey supersedes = febrileNeutropenia.stream()
                .filter(e -> !e.onsetAt().isAfter(t) && !e.onsetAt().isBefore(t.minus(criteria.infectionLookback())))
                .max(Comparator.comparing(Episode::onsetAt)).map(Episode::key).orElse(null);
        String summary = "Sepsis at " + ClinicalText.TIME.format(t) + ": suspected infection with " + String.join(", ", met)
                + " (qSOFA " + q.total() + ", NEWS2 " + news.total() + "); take cultures, give broad-spectrum antibiotics"
                + " and fluids now and request a critical-care review";
        return Optional.of(new Episode(Episode.EpisodeKey.at(RULE, t), AlertKind.SEPSIS, Severity.CRITICAL, t, null, summary,
                distinct, supersedes));
    }

}
