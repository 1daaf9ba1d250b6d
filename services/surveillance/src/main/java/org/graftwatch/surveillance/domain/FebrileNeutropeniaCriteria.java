package org.graftwatch.surveillance.domain;

import java.time.Duration;

/**
 * IDSA 2010 febrile neutropenia thresholds.
 *
 * @param singleFever      a single temperature at or above this (38.3 °C) is fever
 * @param sustainedFever   a temperature at or above this (38.0 °C) ...
 * @param sustainedFor     ... held for this long (1 h) is fever
 * @param ancBelow         neutropenia: ANC below this (0.5 × 10⁹/L) ...
 * @param ancLookback      ... in the latest ANC no older than this (48 h)
 * @param episodeQuiet     an episode ends after this long without any temperature at the sustained threshold
 */
public record FebrileNeutropeniaCriteria(double singleFever, double sustainedFever, Duration sustainedFor,
                                         double ancBelow, Duration ancLookback, Duration episodeQuiet) {
}
