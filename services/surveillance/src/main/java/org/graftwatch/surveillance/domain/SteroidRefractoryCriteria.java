package org.graftwatch.surveillance.domain;

/**
 * Steroid-refractory acute GVHD (clinical-criteria.md; EBMT–NIH–CIBMTR Task Force, Schoemans et al., Bone Marrow
 * Transplant 2020).
 *
 * @param highDoseAtLeast        systemic steroids count from this daily dose, mg/kg methylprednisolone equivalent (2.0)
 * @param progressionAfterDays   progression counts once this many days of treatment are complete (3)
 * @param noImprovementAfterDays no improvement is judged once this many days of treatment are complete (7)
 */
public record SteroidRefractoryCriteria(double highDoseAtLeast, int progressionAfterDays, int noImprovementAfterDays) {
    public SteroidRefractoryCriteria {
        if (!(highDoseAtLeast > 0) || progressionAfterDays < 1 || noImprovementAfterDays < progressionAfterDays) {
            throw new IllegalArgumentException("a positive dose, and the no-improvement day at or after the progression day");
        }
    }
}
