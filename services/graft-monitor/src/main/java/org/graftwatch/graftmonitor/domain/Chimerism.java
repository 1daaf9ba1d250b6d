package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Donor chimerism per lineage and graft source after a transplant.
 * <ul>
 * <li>Status of a result: full donor (total donor share ≥ 95 %), mixed, or graft loss (&lt; 5 %).</li>
 * <li>Dominance: a source holding ≥ 90 % of the donor share; established at the first result of the current
 * unbroken series in which that source dominates (recorded, not alerted).</li>
 * <li>Decline, per lineage from neutrophil engraftment on (from day 0 when engraftment is not dated): a fall of
 * ≥ 5 points against the best value so far, or below 95 % after having been full donor, is a warning; a decline
 * that also falls ≥ 10 points, or below 90 % in CD33+ or CD34+ cells, is critical. A critical decline after an
 * earlier warning in the same lineage supersedes it. A decline ends when a result no longer meets these criteria;
 * a later decline is a new episode.</li>
 * </ul>
 */
public final class Chimerism {
    public static final RuleRef DECLINE = new RuleRef("chimerism-decline", "1");

    public enum Status { FULL_DONOR, MIXED, GRAFT_LOSS }

    /** A source's dominance in a lineage: since which result, and its share of the donor cells then (%). */
    public record Dominance(Lineage lineage, String source, Instant since, String observationId, double shareOfDonor) {
    }

    private final ChimerismCriteria criteria;

    public Chimerism(ChimerismCriteria criteria) {
        this.criteria = criteria;
    }

    public Status status(ChimerismSample sample) {
        return sample.donorShare() >= criteria.fullDonorAtLeast() ? Status.FULL_DONOR
                : sample.donorShare() < criteria.graftLossBelow() ? Status.GRAFT_LOSS : Status.MIXED;
    }

    /** The results of one lineage from {@code from} (inclusive) to {@code until} (exclusive, or null), in time order. */
    static List<ChimerismSample> lineage(List<ChimerismSample> all, Lineage lineage, LocalDate from, LocalDate until) {
        return all.stream().filter(c -> c.lineage() == lineage && !c.day().isBefore(from) && (until == null || c.day().isBefore(until)))
                .sorted(Comparator.comparing(ChimerismSample::at)).toList();
    }

    /** The dominant source of each lineage as it stands, for the transplant from {@code dayZero}. */
    public List<Dominance> dominance(List<ChimerismSample> all, LocalDate dayZero, LocalDate until) {
        List<Dominance> dominance = new ArrayList<>();
        for (Lineage lineage : Lineage.values()) {
            List<ChimerismSample> results = lineage(all, lineage, dayZero, until);
            if (results.isEmpty()) {
                continue;
            }
            Optional<String> source = results.get(results.size() - 1).dominantSource(criteria.dominantFraction());
            if (source.isEmpty()) {
                continue;
            }
            ChimerismSample since = results.get(results.size() - 1);
            for (int i = results.size() - 1; i >= 0 && results.get(i).dominantSource(criteria.dominantFraction()).equals(source); i--) {
                since = results.get(i);
            }
            dominance.add(new Dominance(lineage, source.get(), since.at(), since.observationId(),
                    100 * since.bySource().get(source.get()) / since.donorShare()));
        }
        return dominance;
    }

    /**
     * The decline episodes of every lineage. A decline lasts until a result no longer meets the decline criteria (back
     * within 5 points of the best value and, once full donor, back to ≥ 95 %): its episodes then end, and a later
     * decline is a new episode. The best value keeps counting from engraftment, across recoveries.
     *
     * @param engraftedOn the transplant's neutrophil engraftment day, or null
     */
    public List<GraftEpisode> declines(Transplant transplant, LocalDate until, LocalDate engraftedOn, List<ChimerismSample> all) {
        List<GraftEpisode> episodes = new ArrayList<>();
        for (Lineage lineage : Lineage.values()) {
            List<ChimerismSample> results = lineage(all, lineage, engraftedOn != null ? engraftedOn : transplant.dayZero(), until);
            ChimerismSample best = null;
            boolean wasFullDonor = false;
            Decline decline = null;
            int declinesBefore = 0;
            for (ChimerismSample r : results) {
                if (best != null) {
                    double fall = best.donorShare() - r.donorShare();
                    boolean declined = fall >= criteria.warningFallPoints() || (wasFullDonor && r.donorShare() < criteria.fullDonorAtLeast());
                    boolean critical = declined && (fall >= criteria.criticalFallPoints()
                            || (lineage.myeloidOrProgenitor() && r.donorShare() < criteria.myeloidCriticalBelow()));
                    if (declined) {
                        if (decline == null) {
                            // the first decline keeps the plain anchor: its episode id is the one published before
                            // recurrences were told apart
                            String base = transplant.anchor() + "-" + lineage.analyte().code();
                            decline = new Decline(transplant, declinesBefore++ == 0 ? base : base + "-" + r.at());
                        }
                        decline.observe(r, best, critical);
                    } else if (decline != null) {
                        episodes.addAll(decline.recoveredWith(r));
                        decline = null;
                    }
                }
                if (best == null || r.donorShare() > best.donorShare()) {
                    best = r;
                }
                wasFullDonor |= r.donorShare() >= criteria.fullDonorAtLeast();
            }
            if (decline != null) {
                episodes.addAll(decline.episodes());
            }
        }
        return episodes;
    }

    /** One decline of a lineage from its first declining result to its recovery: a warning, a critical episode, or both. */
    private final class Decline {
        private final Transplant transplant;
        private final String anchor;
        private GraftEpisode warning;
        private GraftEpisode critical;

        Decline(Transplant transplant, String anchor) {
            this.transplant = transplant;
            this.anchor = anchor;
        }

        void observe(ChimerismSample result, ChimerismSample best, boolean isCritical) {
            if (isCritical && critical == null) {
                critical = episode(transplant, result, best, Severity.CRITICAL, anchor + "-critical",
                        warning == null ? null : anchor + "-warning");
            } else if (!isCritical && warning == null && critical == null) {
                warning = episode(transplant, result, best, Severity.WARNING, anchor + "-warning", null);
            }
        }

        List<GraftEpisode> episodes() {
            return Stream.of(warning, critical).filter(Objects::nonNull).toList();
        }

        List<GraftEpisode> recoveredWith(ChimerismSample recovery) {
            String how = "recovered to " + ClinicalText.number(recovery.donorShare()) + " % on " + recovery.day();
            return episodes().stream().map(e -> e.endedAt(recovery.at(), how, List.of(ClinicalText.evidence(recovery)))).toList();
        }
    }

    private GraftEpisode episode(Transplant transplant, ChimerismSample result, ChimerismSample best, Severity severity,
                                 String anchor, String supersedes) {
        String sources = result.bySource().isEmpty() ? "" : " (" + String.join(", ", result.bySource().entrySet().stream()
                .map((Map.Entry<String, Double> e) -> e.getKey() + " " + ClinicalText.number(e.getValue()) + " %").toList()) + ")";
        String summary = "Donor chimerism in " + result.lineage().display() + " fell to " + ClinicalText.number(result.donorShare())
                + " %" + sources + " from " + ClinicalText.number(best.donorShare()) + " % on " + best.day()
                + (severity == Severity.CRITICAL ? ": critical decline" : ": declining");
        return new GraftEpisode(DECLINE, AlertKind.CHIMERISM_DECLINE, severity, anchor, result.at(),
                (int) ChronoUnit.DAYS.between(transplant.dayZero(), result.day()), summary,
                List.of(ClinicalText.evidence(best), ClinicalText.evidence(result)), supersedes);
    }
}
