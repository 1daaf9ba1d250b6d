package org.graftwatch.graftmonitor.domain;

/**
 * EHA/EBMT grading of immune effector cell-associated haematotoxicity (Rejeski et al., Blood 2023).
 *
 * @param earlyLastDay               early ICAHT covers CAR-T days 0 to this day (30)
 * @param neutropeniaAtMost          ANC ≤ this (0.5 × 10⁹/L) counts towards the early grades 1–3 and is late grade 3
 * @param profoundBelow              ANC below this (0.1 × 10⁹/L) counts towards grade 4, early and late
 * @param grade3Days                 early grade 3: days of ANC ≤ 0.5 (14)
 * @param grade4Days                 early grade 4: days of ANC < 0.1 (7)
 * @param grade2Days                 early grade 2: days of ANC ≤ 0.5 (7); below that, any day is grade 1
 * @param lateGrade1AtMost           late grade 1 ANC ≤ (1.5)
 * @param lateGrade2AtMost           late grade 2 ANC ≤ (1.0)
 * @param lateConfirmingResults      late grades need this many consecutive results at the grade (2: not a transient dip)
 * @param relapseMarrowBlastsAtLeast marrow blasts % that document relapse (5)
 * @param alertGrade                 the grade from which POOR_COUNT_RECOVERY is raised (3)
 * @param recoveryDays               an early episode ends with ANC above {@code neutropeniaAtMost} on this many consecutive
 *                                   days (3, as CIBMTR counts neutrophil recovery); a late one with
 *                                   {@code lateConfirmingResults} consecutive results above it
 */
public record IcahtCriteria(int earlyLastDay, double neutropeniaAtMost, double profoundBelow, int grade2Days, int grade3Days,
                            int grade4Days, double lateGrade1AtMost, double lateGrade2AtMost, int lateConfirmingResults,
                            double relapseMarrowBlastsAtLeast, int alertGrade, int recoveryDays) {
    public IcahtCriteria {
        if (earlyLastDay < 1 || grade2Days < 1 || grade3Days < 1 || grade4Days < 1 || lateConfirmingResults < 1
                || alertGrade < 1 || alertGrade > 4 || recoveryDays < 1) {
            throw new IllegalArgumentException("day counts must be positive and the alert grade 1 to 4");
        }
    }
}
