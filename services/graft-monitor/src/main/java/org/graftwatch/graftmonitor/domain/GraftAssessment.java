package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;

/**
 * Every graft rule applied to one patient's history. It is a pure function of the history: a late or retracted
 * result changes the history, and assessing again gives the episodes as they now stand.
 */
public final class GraftAssessment {
    private final NeutrophilEngraftment neutrophilEngraftment;
    private final PlateletEngraftment plateletEngraftment;
    private final PrimaryGraftFailure primaryGraftFailure;
    private final SecondaryGraftFailure secondaryGraftFailure;
    private final PoorGraftFunction poorGraftFunction;
    private final HaematotoxicityAfterCarT haematotoxicity;
    private final Chimerism chimerism;

    public GraftAssessment(GraftCriteria criteria) {
        this.neutrophilEngraftment = new NeutrophilEngraftment(criteria.neutrophil());
        this.plateletEngraftment = new PlateletEngraftment(criteria.platelet());
        this.primaryGraftFailure = new PrimaryGraftFailure(criteria.failure(), criteria.neutrophil());
        this.secondaryGraftFailure = new SecondaryGraftFailure(criteria.failure());
        this.poorGraftFunction = new PoorGraftFunction(criteria.failure());
        this.haematotoxicity = new HaematotoxicityAfterCarT(criteria.icaht());
        this.chimerism = new Chimerism(criteria.chimerism());
    }

    /** Where one transplant stands: milestones (days post transplant), the graft failure that holds, and the dominant sources. */
    public record TransplantStatus(LocalDate dayZero, boolean cordBloodOnly, int engraftmentDeadlineDay,
                                   Integer neutrophilEngraftmentDay, Integer plateletEngraftmentDay,
                                   GraftEpisode graftFailure, List<Chimerism.Dominance> dominance) {
    }

    /** The episodes that hold, and the status they were concluded from. */
    public record GraftReport(List<GraftEpisode> episodes, List<TransplantStatus> transplants,
                              List<HaematotoxicityAfterCarT.Grading> icaht) {
    }

    public GraftReport assess(GraftHistory history) {
        List<GraftEpisode> episodes = new ArrayList<>();
        List<TransplantStatus> statuses = new ArrayList<>();
        for (int i = 0; i < history.transplants().size(); i++) {
            Transplant transplant = history.transplants().get(i);
            LocalDate next = history.endOfTransplant(i);
            Optional<Engraftment> neutrophils = neutrophilEngraftment.evaluate(transplant.dayZero(), next, history.anc());
            neutrophils.ifPresent(e -> episodes.add(engraftmentEpisode(NeutrophilEngraftment.RULE, AlertKind.NEUTROPHIL_ENGRAFTMENT,
                    "Neutrophil engraftment", Analyte.ANC, transplant, e)));
            Optional<Engraftment> platelets = plateletEngraftment.evaluate(transplant.dayZero(), next, history.platelets(),
                    history.plateletTransfusions(), history.reportedUntil());
            platelets.ifPresent(e -> episodes.add(engraftmentEpisode(PlateletEngraftment.RULE, AlertKind.PLATELET_ENGRAFTMENT,
                    "Platelet engraftment", Analyte.PLATELETS, transplant, e)));

            List<GraftEpisode> failures = new ArrayList<>();
            primaryGraftFailure.evaluate(transplant, next, history.anc(), neutrophils, history.chimerism(),
                    history.reportedUntil() != null ? history.reportedUntil() : history.clinicalNow()).ifPresent(failures::add);
            neutrophils.ifPresent(e -> failures.addAll(secondaryGraftFailure.evaluate(transplant, next, e, history.anc(), history.chimerism())));
            failures.addAll(poorGraftFunction.evaluate(transplant, next, history));
            episodes.addAll(failures);
            episodes.addAll(chimerism.declines(transplant, next, neutrophils.map(Engraftment::onsetDate).orElse(null), history.chimerism()));

            // the failure that holds now, the critical one first; a resolved one is history
            List<GraftEpisode> open = failures.stream().filter(f -> !f.ended()).toList();
            GraftEpisode worstFailure = open.stream().filter(f -> f.severity() == Severity.CRITICAL).findFirst()
                    .orElse(open.isEmpty() ? null : open.get(open.size() - 1));
            statuses.add(new TransplantStatus(transplant.dayZero(), transplant.cordBloodOnly(), primaryGraftFailure.deadlineDay(transplant),
                    neutrophils.map(Engraftment::dayPostTransplant).orElse(null), platelets.map(Engraftment::dayPostTransplant).orElse(null),
                    worstFailure, chimerism.dominance(history.chimerism(), transplant.dayZero(), next)));
        }
        List<HaematotoxicityAfterCarT.Grading> gradings = new ArrayList<>();
        for (LocalDate carT : history.carTDays()) {
            LocalDate until = Stream.concat(history.transplants().stream().map(Transplant::dayZero), history.carTDays().stream())
                    .filter(d -> d.isAfter(carT)).min(LocalDate::compareTo).orElse(null);
            episodes.addAll(haematotoxicity.evaluate(carT, until, history, date -> dayPostTransplant(history, date)));
            gradings.add(haematotoxicity.grade(carT, until, history));
        }
        return new GraftReport(episodes, statuses, gradings);
    }

    private static Integer dayPostTransplant(GraftHistory history, LocalDate date) {
        return history.transplants().stream().map(Transplant::dayZero).filter(d -> !d.isAfter(date))
                .max(LocalDate::compareTo).map(d -> (int) ChronoUnit.DAYS.between(d, date)).orElse(null);
    }

    private static GraftEpisode engraftmentEpisode(RuleRef rule, AlertKind kind, String milestone,
                                                   Analyte analyte, Transplant transplant, Engraftment e) {
        String summary = milestone + " on day +" + e.dayPostTransplant() + " (" + (analyte == Analyte.ANC ? "ANC " : "platelets ")
                + ClinicalText.values(e.evidence()) + " ×10⁹/L on " + e.evidence().size() + " consecutive days)";
        return new GraftEpisode(rule, kind, Severity.INFO, transplant.anchor(), e.evidence().get(0).at(), e.dayPostTransplant(),
                summary, ClinicalText.evidence(analyte, e.evidence()), null);
    }
}
