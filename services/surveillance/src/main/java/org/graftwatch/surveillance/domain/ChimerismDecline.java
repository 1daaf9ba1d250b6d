package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.Severity;

/**
 * A CHIMERISM_DECLINE episode of myeloid (CD33+) or progenitor (CD34+) cells as the graft monitor concluded it: what
 * the chimerism-led relapse rule pairs with MRD. Its onset counts even after the decline recovered (the episode ended);
 * a withdrawn one is forgotten.
 *
 * @param lineageCode the chimerism code of the lineage ({@code chimerism-cd33} or {@code chimerism-cd34})
 * @param evidence    the chimerism results of the finding: the best value and the fallen one, and any recovery
 */
public record ChimerismDecline(String episodeId, String lineageCode, Severity severity, Instant onsetAt, List<Evidence> evidence) {
    /** The lineages whose falling donor share predicts relapse. */
    public static final List<String> MYELOID_OR_PROGENITOR = List.of(Analyte.CHIMERISM_CD33.code(), Analyte.CHIMERISM_CD34.code());

    public ChimerismDecline {
        evidence = List.copyOf(evidence);
    }

    /**
     * The decline a finding reports, when it is a myeloid or progenitor chimerism decline of another detector; empty for
     * every other finding (other kinds, other lineages, surveillance's own).
     *
     * @throws IllegalArgumentException when a chimerism decline lacks what the rule needs (id, state, onset, evidence)
     */
    public static Optional<ChimerismDecline> of(Finding finding, String self) {
        if (finding.kind() != AlertKind.CHIMERISM_DECLINE || self.equals(finding.detector())) {
            return Optional.empty();
        }
        if (finding.episodeId() == null || finding.episodeId().isBlank() || finding.state() == null || finding.onsetAt() == null
                || finding.severity() == null) {
            throw new IllegalArgumentException("CHIMERISM_DECLINE finding without episodeId, state, severity or onsetAt");
        }
        if (finding.evidence().isEmpty() || finding.evidence().stream().anyMatch(e -> e.code() == null || e.value() == null || e.effectiveAt() == null)) {
            throw new IllegalArgumentException("CHIMERISM_DECLINE finding " + finding.episodeId() + " without its chimerism results as evidence");
        }
        String lineage = finding.evidence().get(0).code();
        return MYELOID_OR_PROGENITOR.contains(lineage)
                ? Optional.of(new ChimerismDecline(finding.episodeId(), lineage, finding.severity(), finding.onsetAt(), finding.evidence()))
                : Optional.empty();
    }

    /** The fallen result: the evidence at the onset. */
    public Evidence fallen() {
        return evidence.stream().filter(e -> e.effectiveAt().equals(onsetAt)).findFirst().orElse(evidence.get(evidence.size() - 1));
    }

    /** The reference it fell from: the first evidence item. */
    public Evidence reference() {
        return evidence.get(0);
    }

    public String lineage() {
        return lineageCode.equals(Analyte.CHIMERISM_CD33.code()) ? "CD33+ myeloid cells" : "CD34+ progenitors";
    }
}
