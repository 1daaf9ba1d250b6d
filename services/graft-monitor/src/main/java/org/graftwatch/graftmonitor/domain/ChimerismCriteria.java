package org.graftwatch.graftmonitor.domain;

/**
 * Donor chimerism (clinical-criteria.md, Chimerism).
 *
 * @param fullDonorAtLeast       total donor share % for full donor chimerism (95)
 * @param graftLossBelow         total donor share % below which the graft is lost (5)
 * @param dominantFraction       a source is dominant holding this fraction of the donor share (0.90)
 * @param warningFallPoints      a fall of this many points against the best since engraftment is a decline (5)
 * @param criticalFallPoints     a fall of this many points is a critical decline (10)
 * @param myeloidCriticalBelow   a decline below this % in CD33+ or CD34+ cells is critical (90)
 */
public record ChimerismCriteria(double fullDonorAtLeast, double graftLossBelow, double dominantFraction,
                                double warningFallPoints, double criticalFallPoints, double myeloidCriticalBelow) {
    public ChimerismCriteria {
        if (!(dominantFraction > 0.5 && dominantFraction <= 1) || !(warningFallPoints > 0) || criticalFallPoints < warningFallPoints) {
            throw new IllegalArgumentException("dominance must be a majority fraction and the critical fall at least the warning fall");
        }
    }
}
