package org.graftwatch.surveillance.domain;

import java.time.Duration;

/**
 * Septic shock thresholds (Sepsis-3).
 *
 * @param mapBelow     circulatory failure: a vasopressor running, or MAP below this (65 mmHg) ...
 * @param lactateAbove ... and lactate above this (2 mmol/L) ...
 * @param pairedWithin ... within this long of each other (6 h)
 * @param resolvedFor  the episode ends once no vasopressor runs and lactate is at or below the threshold for this long
 */
public record SepticShockCriteria(double mapBelow, double lactateAbove, Duration pairedWithin, Duration resolvedFor) {
}
