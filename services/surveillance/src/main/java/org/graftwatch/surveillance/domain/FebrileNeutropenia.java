package org.graftwatch.surveillance.domain;

import java.time.Duration;
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
 * Febrile neutropenia (IDSA 2010): a single temperature ≥ 38.3 °C, or ≥ 38.0 °C sustained for 1 hour (every
 * reading of the hour at or above it), while the latest ANC within the previous 48 hours is below 0.5 × 10⁹/L.
 * The onset is the reading at which both hold; for a sustained fever, the one that completes the hour. One
 * episode lasts until the temperature has stayed below 38.0 °C for {@code episodeQuiet}.
 */
public final class FebrileNeutropenia {
    public static final RuleRef RULE = new RuleRef("febrile-neutropenia", "1");

    /** An episode: the reading at onset, the fever readings that made it, and the ANC that made it neutropenic. */
    public record Episode(Reading onset, List<Reading> fever, Reading anc) {
    }

    private final FebrileNeutropeniaCriteria criteria;

    public FebrileNeutropenia(FebrileNeutropeniaCriteria criteria) {
        this.criteria = criteria;
    }

    public List<Episode> evaluate(List<Reading> temperatures, List<Reading> anc) {
        List<Reading> temps = temperatures.stream().sorted(Comparator.comparing(Reading::at)).toList();
        List<Reading> counts = anc.stream().sorted(Comparator.comparing(Reading::at)).toList();
        List<Episode> episodes = new ArrayList<>();
        Instant lastFebrile = null;
        boolean inEpisode = false;
        int runStart = -1;
        for (int i = 0; i < temps.size(); i++) {
            Reading t = temps.get(i);
            boolean febrileReading = t.value() >= criteria.sustainedFever();
            if (inEpisode && lastFebrile != null && Duration.between(lastFebrile, t.at()).compareTo(criteria.episodeQuiet()) >= 0) {
                inEpisode = false;
            }
            if (!febrileReading) {
                runStart = -1;
                continue;
            }
            lastFebrile = t.at();
            if (runStart < 0) {
                runStart = i;
            }
            if (inEpisode) {
                continue;
            }
            List<Reading> fever = feverAt(temps, runStart, i);
            if (fever.isEmpty()) {
                continue;
            }
            Optional<Reading> neutropenia = latestAnc(counts, t.at()).filter(a -> a.value() < criteria.ancBelow());
            if (neutropenia.isPresent()) {
                episodes.add(new Episode(t, fever, neutropenia.get()));
                inEpisode = true;
            }
        }
        return episodes;
    }

    /** The episodes as surveillance publishes them, each one critical, with the fever and ANC that made it. */
    public List<org.graftwatch.surveillance.domain.Episode> episodes(List<Reading> temperatures, List<Reading> anc) {
        return evaluate(temperatures, anc).stream().map(FebrileNeutropenia::published).toList();
    }

    private static org.graftwatch.surveillance.domain.Episode published(Episode episode) {
        Reading onset = episode.onset();
        String fever = episode.fever().size() == 1 ? "temperature " + ClinicalText.number(onset.value()) + " °C"
                : "temperature ≥ " + ClinicalText.number(episode.fever().get(0).value()) + " °C sustained from "
                        + ClinicalText.TIME.format(episode.fever().get(0).at());
        String summary = "Febrile neutropenia at " + ClinicalText.TIME.format(onset.at()) + ": " + fever + " with ANC "
                + ClinicalText.number(episode.anc().value()) + " ×10⁹/L; start empirical antibiotics within the hour";
        List<Evidence> evidence = new ArrayList<>();
        episode.fever().forEach(r -> evidence.add(PatientSeries.evidence(Analyte.BODY_TEMPERATURE, r)));
        evidence.add(PatientSeries.evidence(Analyte.ANC, episode.anc()));
        return new org.graftwatch.surveillance.domain.Episode(new org.graftwatch.surveillance.domain.Episode.EpisodeKey(RULE,
                onset.at().toString()), AlertKind.FEBRILE_NEUTROPENIA, Severity.CRITICAL, onset.at(), null, summary, evidence, null);
    }

    /** The readings that make reading {@code i} a fever, or none: itself if ≥ 38.3, else the run if it spans 1 h. */
    private List<Reading> feverAt(List<Reading> temps, int runStart, int i) {
        Reading t = temps.get(i);
        if (t.value() >= criteria.singleFever()) {
            return List.of(t);
        }
        if (Duration.between(temps.get(runStart).at(), t.at()).compareTo(criteria.sustainedFor()) >= 0) {
            return temps.subList(runStart, i + 1);
        }
        return List.of();
    }

    private Optional<Reading> latestAnc(List<Reading> counts, Instant at) {
        Reading latest = null;
        for (Reading c : counts) {
            if (c.at().isAfter(at)) {
                break;
            }
            latest = c;
        }
        if (latest == null || Duration.between(latest.at(), at).compareTo(criteria.ancLookback()) > 0) {
            return Optional.empty();
        }
        return Optional.of(latest);
    }
}
