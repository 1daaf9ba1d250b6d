package org.graftwatch.surveillance.domain;

import java.time.Duration;

/**
 * Sepsis and septic shock thresholds (clinical-criteria.md, Infection).
 *
 * @param feverAtOrAbove        suspected infection: a temperature at or above this (38.0 °C) ...
 * @param hypothermiaBelow      ... or below this (36.0 °C) ...
 * @param procalcitoninAtOrAbove ... or procalcitonin at or above this (0.5 ng/mL) ...
 * @param infectionLookback     ... within this long before (48 h); a sepsis episode ends this long after the last sign
 * @param vitalSignsWindow      scores use the latest vital sign no older than this
 * @param laboratoryWindow      and the latest laboratory value no older than this
 * @param qsofaRespiratoryRate  qSOFA point: respiratory rate at or above this (22/min)
 * @param qsofaSystolic         qSOFA point: systolic BP at or below this (100 mmHg)
 * @param qsofaGcsBelow         qSOFA point: GCS below this (15)
 * @param qsofaAtLeast          sepsis: qSOFA at or above this (2) ...
 * @param news2AtLeast          ... or NEWS2 at or above this (7) ...
 * @param sofaRiseAtLeast       ... or an acute SOFA rise at or above this (2) ...
 * @param sofaBaseline          ... against each component's lowest score within this long before (72 h)
 */
public record SepsisCriteria(double feverAtOrAbove, double hypothermiaBelow, double procalcitoninAtOrAbove,
                             Duration infectionLookback, Duration vitalSignsWindow, Duration laboratoryWindow,
                             double qsofaRespiratoryRate, double qsofaSystolic, double qsofaGcsBelow, int qsofaAtLeast,
                             int news2AtLeast, int sofaRiseAtLeast, Duration sofaBaseline) {
}
