package org.graftwatch.surveillance.domain;

/**
 * ELN 2021 relapse thresholds.
 *
 * @param marrowBlastsAtOrAbove morphologic relapse: marrow blasts at or above this (5 %)
 * @param bloodBlastsAbove      blasts reappearing in blood: above this (0 %) after a value at or below it
 * @param mrdPositiveAtOrAbove  flow MRD positivity (0.1 %)
 * @param molecularRiseLog10    molecular progression: a rise of at least this many log10 between two samples (1)
 */
public record RelapseCriteria(double marrowBlastsAtOrAbove, double bloodBlastsAbove, double mrdPositiveAtOrAbove,
                              double molecularRiseLog10) {
}
