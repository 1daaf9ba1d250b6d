package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
 * chimerism in whole blood or marrow up to then shows graft loss (below 5 %), a warning otherwise.
 */
public final class SecondaryGraftFailure {
    public static final RuleRef RULE = new RuleRef("secondary-graft-failure", "1");

    private final GraftFailureCriteria criteria;

    public SecondaryGraftFailure(GraftFailureCriteria criteria) {
        this.criteria = criteria;
    }

    public Optional<GraftEpisode> evaluate(Transplant transplant, LocalDate until, Engraftment engraftment, List<CountSample> anc,
                                           List<ChimerismSample> chimerism) {
        NavigableMap<LocalDate, List<CountSample>> days = DailyCounts.byDay(anc, engraftment.onsetDate().plusDays(1), until);
        Optional<List<LocalDate>> run = DailyCounts.firstRun(days,
                d -> DailyCounts.every(days.get(d), v -> v < criteria.secondaryAncBelow()), criteria.secondaryConsecutiveDays(), d -> true);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<CountSample> counts = DailyCounts.firstOfEachDay(days, run.get());
        CountSample reached = counts.get(counts.size() - 1);
        Optional<ChimerismSample> donor = chimerism.stream()
                .filter(c -> c.lineage() == Lineage.WHOLE_BLOOD || c.lineage() == Lineage.BONE_MARROW)
                .filter(c -> !c.day().isBefore(transplant.dayZero()) && (until == null || c.day().isBefore(until)))
                .max(Comparator.comparing(ChimerismSample::at));
        boolean graftLoss = donor.filter(c -> c.donorShare() < criteria.graftLossChimerismBelow()).isPresent();
        List<Evidence> evidence = new ArrayList<>(ClinicalText.evidence(Analyte.ANC, counts));
        donor.ifPresent(c -> evidence.add(ClinicalText.evidence(c)));
        String chimerismText = donor.map(c -> "; donor chimerism " + ClinicalText.number(c.donorShare()) + " % in "
                + c.lineage().display() + (graftLoss ? " (graft loss)" : "")).orElse("; no donor chimerism reported");
        int day = (int) ChronoUnit.DAYS.between(transplant.dayZero(), reached.day());
        return Optional.of(new GraftEpisode(RULE, AlertKind.GRAFT_FAILURE, graftLoss ? Severity.CRITICAL : Severity.WARNING,
                transplant.anchor(), reached.at(), day,
                "Secondary graft failure: ANC " + ClinicalText.values(counts) + " ×10⁹/L on " + counts.size()
                        + " consecutive days after engraftment on day +" + engraftment.dayPostTransplant() + chimerismText,
                evidence, null));
    }
}
