package org.graftwatch.graftmonitor.domain;

/**
 * Graft failure and poor graft function (clinical-criteria.md, Engraftment).
 *
 * @param primaryDeadlineDay          day by which neutrophils must have engrafted with PBSC or marrow in the graft (28)
 * @param cordBloodOnlyDeadlineDay    the same for cord-blood-only grafts (42)
 * @param secondaryAncBelow           ANC in 10⁹/L below which an engrafted graft is failing (0.5)
 * @param secondaryConsecutiveDays    on how many consecutive days (3)
 * @param graftLossChimerismBelow     donor chimerism % below which secondary failure is critical (5)
 * @param poorFunctionAfterDay        poor graft function is judged after this day (28)
 * @param poorFunctionAncAtMost       ANC ≤ (0.5 × 10⁹/L)
 * @param poorFunctionPlateletsAtMost platelets ≤ (20 × 10⁹/L)
 * @param poorFunctionHaemoglobinAtMost haemoglobin ≤ (70 g/L)
 * @param poorFunctionCytopenias      how many of the three cytopenias (2)
 * @param poorFunctionConsecutiveDays on how many consecutive days (3)
 * @param poorFunctionChimerismAbove  with donor chimerism above (95 %)
 */
public record GraftFailureCriteria(int primaryDeadlineDay, int cordBloodOnlyDeadlineDay, double secondaryAncBelow,
                                   int secondaryConsecutiveDays, double graftLossChimerismBelow, int poorFunctionAfterDay,
                                   double poorFunctionAncAtMost, double poorFunctionPlateletsAtMost,
                                   double poorFunctionHaemoglobinAtMost, int poorFunctionCytopenias,
                                   int poorFunctionConsecutiveDays, double poorFunctionChimerismAbove) {
    public GraftFailureCriteria {
        if (primaryDeadlineDay < 1 || cordBloodOnlyDeadlineDay < 1 || secondaryConsecutiveDays < 1
                || poorFunctionConsecutiveDays < 1 || poorFunctionCytopenias < 1 || poorFunctionCytopenias > 3) {
            throw new IllegalArgumentException("deadlines and day counts must be positive, cytopenias 1 to 3");
        }
    }
}
