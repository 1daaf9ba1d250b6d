package org.graftwatch.surveillance.domain;

import java.time.Duration;

/**
 * ELN 2021 relapse thresholds.
 *
 * @param marrowBlastsAtOrAbove morphologic relapse: marrow blasts at or above this (5 %)
 * @param bloodBlastsAbove      blasts reappearing in blood: above this (0 %) after a value at or below it
 * @param mrdPositiveAtOrAbove  flow MRD positivity (0.1 %)
 * @param molecularRiseLog10    molecular progression: a rise of at least this many log10 between two samples (1)
 * @param chimerismWindow       chimerism-led: a CD33+/CD34+ chimerism decline and MRD positivity at most this far apart (30 days)
 */
public record RelapseCriteria(double marrowBlastsAtOrAbove, double bloodBlastsAbove, double mrdPositiveAtOrAbove,
                              double molecularRiseLog10, Duration chimerismWindow) {
}
