package org.graftwatch.graftmonitor.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Severity;

/**
 * Every graft rule applied to one patient's history. It is a pure function of the history: a late or retracted
 * result changes the history, and assessing again gives the episodes as they now stand.
 */
public final class GraftAssessment {
    private final NeutrophilEngraftment neutrophilEngraftment;

    public GraftAssessment(EngraftmentCriteria neutrophilCriteria) {
        this.neutrophilEngraftment = new NeutrophilEngraftment(neutrophilCriteria);
    }

    /**
     * @param transplantDays day 0 of every HSCT of the patient, in date order
     * @param anc            the patient's ANC results
     */
    public List<GraftEpisode> assess(List<LocalDate> transplantDays, List<CountSample> anc) {
        List<GraftEpisode> episodes = new ArrayList<>();
        for (int i = 0; i < transplantDays.size(); i++) {
            LocalDate dayZero = transplantDays.get(i);
            LocalDate next = i + 1 < transplantDays.size() ? transplantDays.get(i + 1) : null;
            neutrophilEngraftment.evaluate(dayZero, next, anc)
                    .ifPresent(e -> episodes.add(neutrophilEpisode(dayZero, e)));
        }
        return episodes;
    }

    private static GraftEpisode neutrophilEpisode(LocalDate dayZero, Engraftment e) {
        String values = e.evidence().stream().map(s -> format(s.value())).collect(Collectors.joining(", "));
        String summary = "Neutrophil engraftment on day +" + e.dayPostTransplant() + " (ANC " + values + " ×10⁹/L)";
        return new GraftEpisode(NeutrophilEngraftment.RULE, AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO,
                "HSCT-" + dayZero, e.evidence().get(0).at(), e.dayPostTransplant(), summary,
                e.evidence().stream().map(s -> new Evidence(s.observationId(), Analyte.ANC.code(), s.value(),
                        Analyte.ANC.canonicalUnit(), s.at())).toList());
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
