package org.graftwatch.graftmonitor.domain;

/**
 * CIBMTR platelet engraftment: the count run and the transfusion-free window before its first day.
 *
 * @param counts               platelets in 10⁹/L (20) on how many consecutive days (3)
 * @param transfusionFreeDays  days before the first of them without a platelet transfusion (7)
 */
public record PlateletEngraftmentCriteria(EngraftmentCriteria counts, int transfusionFreeDays) {
    public PlateletEngraftmentCriteria {
        if (transfusionFreeDays < 0) {
            throw new IllegalArgumentException("the transfusion-free window cannot be negative");
        }
    }
}
