package org.graftwatch.graftmonitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.graftwatch.graftmonitor.domain.ChimerismCriteria;
import org.graftwatch.graftmonitor.domain.EngraftmentCriteria;
import org.graftwatch.graftmonitor.domain.GraftCriteria;
import org.graftwatch.graftmonitor.domain.GraftFailureCriteria;
import org.graftwatch.graftmonitor.domain.IcahtCriteria;
import org.graftwatch.graftmonitor.domain.PlateletEngraftmentCriteria;

/**
 * Thresholds of clinical-criteria.md (Engraftment, ICAHT, Chimerism), overridable per site without a rebuild.
 * The defaults are the published criteria.
 */
@ConfigMapping(prefix = "graftwatch.criteria")
public interface GraftCriteriaConfig {

    Neutrophil neutrophil();

    Platelet platelet();

    GraftFailure graftFailure();

    Icaht icaht();

    Chimerism chimerism();

    default GraftCriteria criteria() {
        return new GraftCriteria(neutrophil().criteria(), platelet().criteria(), graftFailure().criteria(), icaht().criteria(),
                chimerism().criteria());
    }

    interface Neutrophil {
        /** ANC in 10⁹/L that counts as engrafted (CIBMTR: 0.5). */
        @WithDefault("0.5")
        double engraftmentThreshold();

        /** Consecutive days at or above the threshold (CIBMTR: 3). */
        @WithDefault("3")
        int consecutiveDays();

        default EngraftmentCriteria criteria() {
            return new EngraftmentCriteria(engraftmentThreshold(), consecutiveDays());
        }
    }

    interface Platelet {
        /** Platelets in 10⁹/L that count as engrafted (CIBMTR: 20). */
        @WithDefault("20")
        double engraftmentThreshold();

        /** Consecutive days at or above the threshold (CIBMTR: 3). */
        @WithDefault("3")
        int consecutiveDays();

        /** Days before the first of them without a platelet transfusion (CIBMTR: 7). */
        @WithDefault("7")
        int transfusionFreeDays();

        /**
         * A sender (e.g. the ward system that documents transfusions) from which nothing arrived for this long, while
         * others kept delivering, has gone quiet and no longer holds platelet engraftment or primary graft failure back
         * (6 h). Arrival time, stamped by the ingest: in event time a late stream and a finished one cannot be told
         * apart (see PatientGraftState#reportedUntil).
         */
        @WithDefault("PT6H")
        Duration senderIdle();

        default PlateletEngraftmentCriteria criteria() {
            return new PlateletEngraftmentCriteria(new EngraftmentCriteria(engraftmentThreshold(), consecutiveDays()), transfusionFreeDays());
        }
    }

    interface GraftFailure {
        /** Neutrophil engraftment is due by this day with PBSC or marrow in the graft (28). */
        @WithDefault("28")
        int primaryDeadlineDay();

        /** ... and by this day for cord-blood-only grafts (42). */
        @WithDefault("42")
        int cordBloodOnlyDeadlineDay();

        /** Secondary failure: ANC below this, in 10⁹/L (0.5) ... */
        @WithDefault("0.5")
        double secondaryAncBelow();

        /** ... on this many consecutive days (3). */
        @WithDefault("3")
        int secondaryConsecutiveDays();

        /** Donor chimerism % below which secondary failure is critical (5). */
        @WithDefault("5")
        double graftLossChimerismBelow();

        /** Poor graft function is judged after this day (28). */
        @WithDefault("28")
        int poorFunctionAfterDay();

        @WithDefault("0.5")
        double poorFunctionAncAtMost();

        @WithDefault("20")
        double poorFunctionPlateletsAtMost();

        /** Haemoglobin in g/L (70). */
        @WithDefault("70")
        double poorFunctionHaemoglobinAtMost();

        /** How many of the three cytopenias (2). */
        @WithDefault("2")
        int poorFunctionCytopenias();

        @WithDefault("3")
        int poorFunctionConsecutiveDays();

        /** Donor chimerism % the graft must show (above 95). */
        @WithDefault("95")
        double poorFunctionChimerismAbove();

        default GraftFailureCriteria criteria() {
            return new GraftFailureCriteria(primaryDeadlineDay(), cordBloodOnlyDeadlineDay(), secondaryAncBelow(),
                    secondaryConsecutiveDays(), graftLossChimerismBelow(), poorFunctionAfterDay(), poorFunctionAncAtMost(),
                    poorFunctionPlateletsAtMost(), poorFunctionHaemoglobinAtMost(), poorFunctionCytopenias(),
                    poorFunctionConsecutiveDays(), poorFunctionChimerismAbove());
        }
    }

    interface Icaht {
        /** Early ICAHT covers CAR-T days 0 to this day (30). */
        @WithDefault("30")
        int earlyLastDay();

        /** ANC ≤ this, in 10⁹/L, is neutropenia for the early grades and late grade 3 (0.5). */
        @WithDefault("0.5")
        double neutropeniaAtMost();

        /** ANC below this, in 10⁹/L, counts towards grade 4 (0.1). */
        @WithDefault("0.1")
        double profoundBelow();

        @WithDefault("7")
        int grade2Days();

        @WithDefault("14")
        int grade3Days();

        @WithDefault("7")
        int grade4Days();

        @WithDefault("1.5")
        double lateGrade1AtMost();

        @WithDefault("1.0")
        double lateGrade2AtMost();

        /** Consecutive results a late grade needs, so that a transient dip does not grade (2). */
        @WithDefault("2")
        int lateConfirmingResults();

        /** Marrow blasts % that document relapse, which excludes late grading (5). */
        @WithDefault("5")
        double relapseMarrowBlastsAtLeast();

        /** POOR_COUNT_RECOVERY from this grade (3). */
        @WithDefault("3")
        int alertGrade();

        /** An early ICAHT episode ends with ANC above the neutropenia threshold on this many consecutive days (3). */
        @WithDefault("3")
        int recoveryDays();

        default IcahtCriteria criteria() {
            return new IcahtCriteria(earlyLastDay(), neutropeniaAtMost(), profoundBelow(), grade2Days(), grade3Days(), grade4Days(),
                    lateGrade1AtMost(), lateGrade2AtMost(), lateConfirmingResults(), relapseMarrowBlastsAtLeast(), alertGrade(),
                    recoveryDays());
        }
    }

    interface Chimerism {
        @WithDefault("95")
        double fullDonorAtLeast();

        @WithDefault("5")
        double graftLossBelow();

        /** A source is dominant with this fraction of the donor share (0.90). */
        @WithDefault("0.90")
        double dominantFraction();

        @WithDefault("5")
        double warningFallPoints();

        @WithDefault("10")
        double criticalFallPoints();

        /** A decline below this % in CD33+ or CD34+ cells is critical (90). */
        @WithDefault("90")
        double myeloidCriticalBelow();

        default ChimerismCriteria criteria() {
            return new ChimerismCriteria(fullDonorAtLeast(), graftLossBelow(), dominantFraction(), warningFallPoints(),
                    criticalFallPoints(), myeloidCriticalBelow());
        }
    }
}
