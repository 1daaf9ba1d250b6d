package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Secondary graft failure: after neutrophil engraftment, ANC below 0.5 × 10⁹/L on three consecutive days (every
 * result of each day). Dated on the third day, when the duration is reached. Critical when the latest donor
 * chimerism in whole blood or marrow while it lasts shows graft loss (below 5 %), a warning otherwise.
 * <p>
 * It resolves on the third of three consecutive days with ANC at or above 0.5 again, unless the latest whole-blood or
 * marrow chimerism by then shows graft loss: neutrophils without donor cells are the patient's own recovery, not the
 * graft's. A later fall is a new episode.
 */
public final class SecondaryGraftFailure {
    public static final RuleRef RULE = new RuleRef("secondary-graft-failure", "1");

    private final GraftFailureCriteria criteria;

    public SecondaryGraftFailure(GraftFailureCriteria criteria) {
        this.criteria = criteria;
    }

    public List<GraftEpisode> evaluate(Transplant transplant, LocalDate until, Engraftment engraftment, List<CountSample> anc,
                                       List<ChimerismSample> chimerism) {
        NavigableMap<LocalDate, List<CountSample>> days = DailyCounts.byDay(anc, engraftment.onsetDate().plusDays(1), until);
        int length = criteria.secondaryConsecutiveDays();
        List<GraftEpisode> episodes = new ArrayList<>();
        LocalDate searchFrom = engraftment.onsetDate();
        while (true) {
            LocalDate after = searchFrom;
            Optional<List<LocalDate>> run = DailyCounts.firstRun(days, d -> DailyCounts.every(days.get(d), v -> v < criteria.secondaryAncBelow()),
                    length, d -> d.isAfter(after));
            if (run.isEmpty()) {
                return episodes;
            }
            List<CountSample> counts = DailyCounts.firstOfEachDay(days, run.get());
            CountSample reached = counts.get(counts.size() - 1);
            String anchor = episodes.isEmpty() ? transplant.anchor() : transplant.anchor() + "-" + reached.day();
            Optional<List<LocalDate>> recovery = DailyCounts.firstRun(days, d -> DailyCounts.every(days.get(d),
                    v -> v >= criteria.secondaryAncBelow()), length, d -> d.isAfter(reached.day())
                    && latestDonor(transplant, until, chimerism, d.plusDays(length - 1L))
                    .filter(c -> c.donorShare() < criteria.graftLossChimerismBelow()).isEmpty());
            if (recovery.isEmpty()) {
                episodes.add(episode(transplant, engraftment, counts, latestDonor(transplant, until, chimerism, null), anchor));
                return episodes;
            }
            List<CountSample> recovered = DailyCounts.firstOfEachDay(days, recovery.get());
            CountSample last = recovered.get(recovered.size() - 1);
            GraftEpisode episode = episode(transplant, engraftment, counts, latestDonor(transplant, until, chimerism, last.day()), anchor);
            episodes.add(episode.endedAt(last.at(), "ANC recovered to " + ClinicalText.values(recovered) + " ×10⁹/L on "
                    + recovered.size() + " consecutive days by " + last.day(), ClinicalText.evidence(Analyte.ANC, recovered)));
            searchFrom = last.day();
        }
    }

    private GraftEpisode episode(Transplant transplant, Engraftment engraftment, List<CountSample> counts,
                                 Optional<ChimerismSample> donor, String anchor) {
        CountSample reached = counts.get(counts.size() - 1);
        boolean graftLoss = donor.filter(c -> c.donorShare() < criteria.graftLossChimerismBelow()).isPresent();
        List<Evidence> evidence = new ArrayList<>(ClinicalText.evidence(Analyte.ANC, counts));
        donor.ifPresent(c -> evidence.add(ClinicalText.evidence(c)));
        String chimerismText = donor.map(c -> "; donor chimerism " + ClinicalText.number(c.donorShare()) + " % in "
                + c.lineage().display() + (graftLoss ? " (graft loss)" : "")).orElse("; no donor chimerism reported");
        int day = (int) ChronoUnit.DAYS.between(transplant.dayZero(), reached.day());
        return new GraftEpisode(RULE, AlertKind.GRAFT_FAILURE, graftLoss ? Severity.CRITICAL : Severity.WARNING,
                anchor, reached.at(), day,
                "Secondary graft failure: ANC " + ClinicalText.values(counts) + " ×10⁹/L on " + counts.size()
                        + " consecutive days after engraftment on day +" + engraftment.dayPostTransplant() + chimerismText,
                evidence, null);
    }

    private static Optional<ChimerismSample> latestDonor(Transplant transplant, LocalDate until, List<ChimerismSample> chimerism,
                                                         LocalDate day) {
        return ChimerismSample.latestOfGraft(chimerism, transplant.dayZero(), day, until);
    }
}
