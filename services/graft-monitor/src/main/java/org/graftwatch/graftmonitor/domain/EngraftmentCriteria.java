package org.graftwatch.graftmonitor.domain;

/**
 * CIBMTR engraftment thresholds: the count that must be reached and for how many consecutive days.
 *
 * @param threshold       count in 10⁹/L (0.5 for neutrophils)
 * @param consecutiveDays how many consecutive calendar days (3)
 */
public record EngraftmentCriteria(double threshold, int consecutiveDays) {
    public EngraftmentCriteria {
        if (!(threshold > 0) || consecutiveDays < 1) {
            throw new IllegalArgumentException("threshold must be positive and at least one day is needed");
        }
    }
}
