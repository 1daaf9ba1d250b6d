package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Septic shock (Sepsis-3): in suspected infection or sepsis, circulatory failure (a vasopressor running,
 * norepinephrine dose > 0, or MAP < 65 mmHg) <b>and</b> lactate > 2 mmol/L within 6 hours of each other. The onset
 * is the later of the pair, so a lactate reported late still dates the shock when it was drawn. Fever or
 * tachycardia never make shock. An episode ends once no vasopressor runs and the lactate is ≤ 2 mmol/L for the
 * configured time; a later shock is a new episode. It supersedes the sepsis episode it arose from, else the
 * febrile-neutropenia episode of the previous 48 hours.
 */
public final class SepticShock {
    public static final RuleRef RULE = new RuleRef("septic-shock", "1");

    private final SepticShockCriteria criteria;
    private final Sepsis sepsis;
    private final SepsisCriteria sepsisCriteria;

    public SepticShock(SepticShockCriteria criteria, SepsisCriteria sepsisCriteria) {
        this.criteria = criteria;
        this.sepsisCriteria = sepsisCriteria;
        this.sepsis = new Sepsis(sepsisCriteria);
    }

    public List<Episode> evaluate(PatientSeries series, List<Episode> sepsisEpisodes, List<Episode> febrileNeutropenia) {
        List<Episode> episodes = new ArrayList<>();
        Instant notBefore = Instant.MIN;
        while (true) {
            Optional<Episode> next = firstOnset(series, notBefore, sepsisEpisodes, febrileNeutropenia);
            if (next.isEmpty()) {
                return episodes;
            }
            Optional<Instant> end = resolution(series, next.get().onsetAt());
            if (end.isEmpty()) {
                episodes.add(next.get());
                return episodes;
            }
            episodes.add(next.get().endedAt(end.get()));
            notBefore = end.get();
        }
    }

    private Optional<Episode> firstOnset(PatientSeries series, Instant notBefore, List<Episode> sepsisEpisodes,
                                         List<Episode> febrileNeutropenia) {
        Episode first = null;
        for (Reading lactate : series.of(Analyte.LACTATE)) {
            if (lactate.value() <= criteria.lactateAbove()) {
                continue;
            }
            Optional<Reading> circulatory = circulatoryFailureNear(series, lactate.at());
            if (circulatory.isEmpty()) {
                continue;
            }
            Instant onset = lactate.at().isAfter(circulatory.get().at()) ? lactate.at() : circulatory.get().at();
            if (onset.isBefore(notBefore) || (first != null && !onset.isBefore(first.onsetAt()))) {
                continue;
            }
            Optional<Episode> openSepsis = sepsisEpisodes.stream().filter(e -> !e.onsetAt().isAfter(onset)
                    && (e.endedAt() == null || e.endedAt().isAfter(onset))).findFirst();
            Optional<Evidence> infection = sepsis.suspectedInfection(series, onset);
            if (openSepsis.isEmpty() && infection.isEmpty()) {
                continue;
            }
            first = episode(series, onset, lactate, circulatory.get(), infection, openSepsis, febrileNeutropenia);
        }
        return Optional.ofNullable(first);
    }

    /** The earliest sign of circulatory failure within the pairing time of the lactate: MAP below 65 or a vasopressor. */
    private Optional<Reading> circulatoryFailureNear(PatientSeries series, Instant lactateAt) {
        Instant from = lactateAt.minus(criteria.pairedWithin());
        Instant to = lactateAt.plus(criteria.pairedWithin());
        List<Reading> signs = new ArrayList<>();
        series.between(Analyte.MEAN_ARTERIAL_PRESSURE, from, to).stream().filter(r -> r.value() < criteria.mapBelow()).forEach(signs::add);
        series.between(Analyte.NOREPINEPHRINE_DOSE, from, to).stream().filter(r -> r.value() > 0).forEach(signs::add);
        // a vasopressor started earlier and still running when the window opens
        series.latestAtOrBefore(Analyte.NOREPINEPHRINE_DOSE, from).filter(r -> r.value() > 0)
                .ifPresent(signs::add);
        return signs.stream().min(Comparator.comparing(Reading::at)
                .thenComparing(r -> series.of(Analyte.NOREPINEPHRINE_DOSE).contains(r) ? 1 : 0));
    }

    private Episode episode(PatientSeries series, Instant onset, Reading lactate, Reading circulatory, Optional<Evidence> infection,
                            Optional<Episode> openSepsis, List<Episode> febrileNeutropenia) {
        boolean pressor = series.of(Analyte.NOREPINEPHRINE_DOSE).contains(circulatory);
        Analyte circulatoryAnalyte = pressor ? Analyte.NOREPINEPHRINE_DOSE : Analyte.MEAN_ARTERIAL_PRESSURE;
        List<Evidence> evidence = new ArrayList<>();
        infection.ifPresent(evidence::add);
        evidence.add(PatientSeries.evidence(circulatoryAnalyte, circulatory));
        series.latest(Analyte.NOREPINEPHRINE_DOSE, onset, sepsisCriteria.vitalSignsWindow()).filter(r -> r.value() > 0 && r != circulatory)
                .ifPresent(r -> evidence.add(PatientSeries.evidence(Analyte.NOREPINEPHRINE_DOSE, r)));
        evidence.add(PatientSeries.evidence(Analyte.LACTATE, lactate));
        String failure = pressor ? "norepinephrine " + ClinicalText.number(circulatory.value()) + " µg/kg/min"
                : "MAP " + ClinicalText.number(circulatory.value()) + " mmHg";
        String summary = "Septic shock at " + ClinicalText.TIME.format(onset) + ": " + failure + " with lactate "
                + ClinicalText.number(lactate.value()) + " mmol/L in suspected infection; call critical care for vasopressor"
                + " titration to MAP ≥ 65 and source control";
        Episode.EpisodeKey supersedes = openSepsis.map(Episode::key).orElseGet(() -> febrileNeutropenia.stream()
                .filter(e -> !e.onsetAt().isAfter(onset) && !e.onsetAt().isBefore(onset.minus(sepsisCriteria.infectionLookback())))
                .max(Comparator.comparing(Episode::onsetAt)).map(Episode::key).orElse(null));
        return new Episode(Episode.EpisodeKey.at(RULE, onset), AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, onset, null, summary,
                Episode.distinct(evidence), supersedes);
    }

    /**
     * When the shock that began at {@code onset} ended: the first time after it from which no vasopressor ran and the
     * latest lactate was ≤ 2 mmol/L for the whole resolution time, provided the record reaches that far.
     */
    private Optional<Instant> resolution(PatientSeries series, Instant onset) {
        List<Reading> changes = new ArrayList<>(series.of(Analyte.NOREPINEPHRINE_DOSE));
        changes.addAll(series.of(Analyte.LACTATE));
        changes.removeIf(r -> !r.at().isAfter(onset));
        changes.sort(Comparator.comparing(Reading::at));
        Optional<Instant> horizon = series.horizon();
        for (Reading change : changes) {
            Instant from = change.at();
            if (!resolvedAt(series, from)) {
                continue;
            }
            Instant end = from.plus(criteria.resolvedFor());
            boolean relapsed = changes.stream().anyMatch(r -> r.at().isAfter(from) && !r.at().isAfter(end) && !resolvedAt(series, r.at()));
            if (!relapsed && horizon.isPresent() && !horizon.get().isBefore(end)) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }

    private boolean resolvedAt(PatientSeries series, Instant at) {
        boolean noPressor = series.latestAtOrBefore(Analyte.NOREPINEPHRINE_DOSE, at)
                .map(r -> r.value() <= 0).orElse(true);
        boolean lactateNormal = series.latestAtOrBefore(Analyte.LACTATE, at)
                .map(r -> r.value() <= criteria.lactateAbove()).orElse(true);
        return noPressor && lactateNormal;
    }
}
