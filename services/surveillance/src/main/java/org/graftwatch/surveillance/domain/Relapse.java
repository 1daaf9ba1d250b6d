package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * AML relapse (ELN 2021 MRD recommendations, Heuser et al., Blood 2021), three rules over the marrow blasts, blood
 * blasts, flow MRD and WT1 series:
 * <ul>
 * <li>morphologic: marrow blasts ≥ 5 %, or blasts reappearing in blood after remission (a blood value above 0 % after
 * one of 0 %, or after a marrow below 5 %) → critical; the episode lasts until a marrow below 5 % again;</li>
 * <li>MRD conversion: flow MRD from &lt; 0.1 % to ≥ 0.1 % → warning; lasts until MRD is below 0.1 % again;</li>
 * <li>molecular progression: WT1 rising ≥ 1 log10 between two consecutive samples while MRD-positive → warning;</li>
 * <li>chimerism-led: a CHIMERISM_DECLINE of CD33+ or CD34+ cells (the graft monitor's finding) and flow MRD ≥ 0.1 %
 * at most 30 days apart → critical. Onset: the later of the two (the decline's onset, or the MRD result); the MRD
 * counted is the latest result at that moment, so a negative MRD in between breaks the pair. The episode lasts until
 * MRD is below 0.1 % again; a later pair is a new episode.</li>
 * </ul>
 * A morphologic or chimerism-led relapse supersedes the warning episode it follows, if one is open.
 */
public final class Relapse {
    public static final RuleRef MORPHOLOGIC = new RuleRef("relapse-morphologic", "1");
    public static final RuleRef MRD_CONVERSION = new RuleRef("relapse-mrd-conversion", "1");
    public static final RuleRef MOLECULAR = new RuleRef("relapse-molecular-progression", "1");
    public static final RuleRef CHIMERISM_LED = new RuleRef("relapse-chimerism-led", "1");

    private final RelapseCriteria criteria;

    public Relapse(RelapseCriteria criteria) {
        this.criteria = criteria;
    }

    public List<Episode> evaluate(PatientSeries series) {
        return evaluate(series, List.of());
    }

    /**
     * @param declines the graft monitor's CD33+/CD34+ chimerism declines of the patient, any order
     */
    public List<Episode> evaluate(PatientSeries series, List<ChimerismDecline> declines) {
        List<Episode> warnings = new ArrayList<>(mrdConversions(series));
        warnings.addAll(molecularProgressions(series));
        List<Episode> all = new ArrayList<>(warnings);
        all.addAll(morphologic(series, warnings));
        all.addAll(chimerismLed(series, declines, warnings));
        all.sort(Comparator.comparing(Episode::onsetAt));
        return all;
    }

    private List<Episode> chimerismLed(PatientSeries series, List<ChimerismDecline> declines, List<Episode> warnings) {
        TreeSet<Instant> candidates = new TreeSet<>();
        declines.forEach(d -> candidates.add(d.onsetAt()));
        series.of(Analyte.MRD_FLOW).stream().filter(this::mrdPositive).forEach(m -> candidates.add(m.at()));
        List<Episode> episodes = new ArrayList<>();
        Instant endOfLast = null;
        for (Instant t : candidates) {
            if (endOfLast != null && !t.isAfter(endOfLast)) {
                continue;
            }
            Instant from = t.minus(criteria.chimerismWindow());
            Optional<Reading> mrd = series.latestAtOrBefore(Analyte.MRD_FLOW, t).filter(m -> mrdPositive(m) && !m.at().isBefore(from));
            List<ChimerismDecline> paired = declines.stream().filter(d -> !d.onsetAt().isAfter(t) && !d.onsetAt().isBefore(from))
                    .sorted(Comparator.comparing(ChimerismDecline::onsetAt)).toList();
            if (mrd.isEmpty() || paired.isEmpty()) {
                continue;
            }
            Episode episode = chimerismLedEpisode(t, mrd.get(), paired, openWarningAt(warnings, t));
            Optional<Reading> negative = series.of(Analyte.MRD_FLOW).stream().filter(m -> m.at().isAfter(t) && !mrdPositive(m)).findFirst();
            if (negative.isEmpty()) {
                episodes.add(episode);
                return episodes;
            }
            episodes.add(episode.endedAt(negative.get().at()));
            endOfLast = negative.get().at();
        }
        return episodes;
    }

    private Episode chimerismLedEpisode(Instant at, Reading mrd, List<ChimerismDecline> declines, Episode.EpisodeKey supersedes) {
        List<Evidence> evidence = new ArrayList<>();
        declines.forEach(d -> evidence.addAll(d.evidence()));
        evidence.add(PatientSeries.evidence(Analyte.MRD_FLOW, mrd));
        String falls = declines.stream().map(d -> "donor chimerism in " + d.lineage() + " fell to "
                        + ClinicalText.number(d.fallen().value()) + " % (from " + ClinicalText.number(d.reference().value()) + " %) on "
                        + ClinicalText.TIME.format(d.onsetAt())).distinct().collect(Collectors.joining(", "));
        String summary = "Chimerism-led relapse on " + ClinicalText.TIME.format(at) + ": " + falls + ", with flow MRD "
                + ClinicalText.number(mrd.value()) + " % on " + ClinicalText.TIME.format(mrd.at())
                + "; confirm with a marrow aspirate and plan relapse treatment";
        return new Episode(Episode.EpisodeKey.at(CHIMERISM_LED, at), AlertKind.RELAPSE, Severity.CRITICAL, at, null, summary,
                Episode.distinct(evidence), supersedes);
    }

    private boolean mrdPositive(Reading mrd) {
        return mrd.value() >= criteria.mrdPositiveAtOrAbove();
    }

    /** The latest warning episode open at {@code at}: what a critical relapse found then supersedes. */
    private static Episode.EpisodeKey openWarningAt(List<Episode> warnings, Instant at) {
        return warnings.stream().filter(w -> !w.onsetAt().isAfter(at) && (w.endedAt() == null || w.endedAt().isAfter(at)))
                .max(Comparator.comparing(Episode::onsetAt)).map(Episode::key).orElse(null);
    }

    private List<Episode> mrdConversions(PatientSeries series) {
        List<Episode> episodes = new ArrayList<>();
        Reading negative = null;
        Episode open = null;
        for (Reading mrd : series.of(Analyte.MRD_FLOW)) {
            boolean positive = mrd.value() >= criteria.mrdPositiveAtOrAbove();
            if (open != null && !positive) {
                episodes.add(open.endedAt(mrd.at()));
                open = null;
            }
            if (open == null && positive && negative != null) {
                String summary = "MRD conversion on " + ClinicalText.TIME.format(mrd.at()) + ": flow MRD "
                        + ClinicalText.number(negative.value()) + " % → " + ClinicalText.number(mrd.value())
                        + " %; confirm in marrow and discuss pre-emptive therapy";
                open = new Episode(Episode.EpisodeKey.at(MRD_CONVERSION, mrd.at()), AlertKind.RELAPSE, Severity.WARNING, mrd.at(), null,
                        summary, List.of(PatientSeries.evidence(Analyte.MRD_FLOW, negative), PatientSeries.evidence(Analyte.MRD_FLOW, mrd)), null);
            }
            if (!positive) {
                negative = mrd;
            }
        }
        if (open != null) {
            episodes.add(open);
        }
        return episodes;
    }

    private List<Episode> molecularProgressions(PatientSeries series) {
        List<Episode> episodes = new ArrayList<>();
        List<Reading> wt1 = series.of(Analyte.WT1_TRANSCRIPTS);
        for (int i = 1; i < wt1.size(); i++) {
            Reading before = wt1.get(i - 1);
            Reading now = wt1.get(i);
            if (before.value() <= 0 || now.value() <= 0
                    || Math.log10(now.value() / before.value()) < criteria.molecularRiseLog10() - 1e-9) {
                continue;
            }
            Optional<Reading> mrd = series.latestAtOrBefore(Analyte.MRD_FLOW, now.at())
                    .filter(m -> m.value() >= criteria.mrdPositiveAtOrAbove());
            if (mrd.isEmpty()) {
                continue;
            }
            String summary = "Molecular progression on " + ClinicalText.TIME.format(now.at()) + ": WT1 "
                    + ClinicalText.number(before.value()) + " → " + ClinicalText.number(now.value())
                    + " copies/10⁴ ABL while MRD-positive (" + ClinicalText.number(mrd.get().value()) + " %); assess the marrow for relapse";
            episodes.add(new Episode(Episode.EpisodeKey.at(MOLECULAR, now.at()), AlertKind.RELAPSE, Severity.WARNING, now.at(), null, summary,
                    List.of(PatientSeries.evidence(Analyte.WT1_TRANSCRIPTS, before), PatientSeries.evidence(Analyte.WT1_TRANSCRIPTS, now),
                            PatientSeries.evidence(Analyte.MRD_FLOW, mrd.get())), null));
        }
        return episodes;
    }

    private List<Episode> morphologic(PatientSeries series, List<Episode> warnings) {
        List<Reading> blasts = new ArrayList<>(series.of(Analyte.BLASTS_MARROW));
        blasts.addAll(series.of(Analyte.BLASTS_BLOOD));
        blasts.sort(Comparator.comparing(Reading::at));
        List<Reading> marrow = series.of(Analyte.BLASTS_MARROW);
        List<Episode> episodes = new ArrayList<>();
        boolean remission = false;
        Reading remissionEvidence = null;
        Episode open = null;
        for (Reading r : blasts) {
            boolean isMarrow = marrow.contains(r);
            Analyte analyte = isMarrow ? Analyte.BLASTS_MARROW : Analyte.BLASTS_BLOOD;
            boolean relapsed = isMarrow ? r.value() >= criteria.marrowBlastsAtOrAbove()
                    : remission && r.value() > criteria.bloodBlastsAbove();
            if (open != null) {
                if (isMarrow && !relapsed) {
                    episodes.add(open.endedAt(r.at()));
                    open = null;
                } else {
                    continue;
                }
            }
            if (relapsed) {
                Instant at = r.at();
                String finding = isMarrow ? "marrow blasts " + ClinicalText.number(r.value()) + " %"
                        : "blasts reappear in blood (" + ClinicalText.number(r.value()) + " %) after remission";
                List<Evidence> evidence = new ArrayList<>();
                if (!isMarrow && remissionEvidence != null) {
                    evidence.add(PatientSeries.evidence(marrow.contains(remissionEvidence) ? Analyte.BLASTS_MARROW : Analyte.BLASTS_BLOOD,
                            remissionEvidence));
                }
                evidence.add(PatientSeries.evidence(analyte, r));
                Episode.EpisodeKey supersedes = openWarningAt(warnings, at);
                open = new Episode(Episode.EpisodeKey.at(MORPHOLOGIC, at), AlertKind.RELAPSE, Severity.CRITICAL, at, null,
                        "Morphologic relapse on " + ClinicalText.TIME.format(at) + ": " + finding
                                + "; confirm with a marrow aspirate and plan relapse treatment",
                        evidence, supersedes);
                remission = false;
            } else if (isMarrow || r.value() <= criteria.bloodBlastsAbove()) {
                remission = true;
                remissionEvidence = r;
            }
        }
        if (open != null) {
            episodes.add(open);
        }
        return episodes;
    }
}
