package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.util.List;
import org.graftwatch.contract.CaseEvent.GraftKind;

/**
 * One HSCT as the graft rules need it.
 *
 * @param dayZero    the infusion date
 * @param graftKinds the kinds of its graft sources (PBSC, BM, UCB); empty when not known
 */
public record Transplant(LocalDate dayZero, List<GraftKind> graftKinds) {
    public Transplant {
        graftKinds = List.copyOf(graftKinds);
    }

    /** A graft of cord blood units only: engraftment is expected later than with PBSC or marrow. */
    public boolean cordBloodOnly() {
        return !graftKinds.isEmpty() && graftKinds.stream().allMatch(k -> k == GraftKind.UCB);
    }

    public String anchor() {
        return "HSCT-" + dayZero;
    }
}
