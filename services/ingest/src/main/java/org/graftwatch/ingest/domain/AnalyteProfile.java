package org.graftwatch.ingest.domain;

import org.graftwatch.contract.Analyte;

/**
 * What ingest knows about an analyte beyond the catalogue: its molar mass (for substances reported either in
 * mass or in amount-of-substance concentration) and the range a living patient's value can possibly take, in
 * the analyte's canonical unit. Values outside it are transcription or device errors, not clinical findings.
 *
 * @param molarMass grams per mole, or null when the analyte is not a single substance
 */
public record AnalyteProfile(Analyte analyte, Double molarMass, double plausibleMin, double plausibleMax) {
    public AnalyteProfile {
        if (plausibleMin > plausibleMax) {
            throw new IllegalArgumentException(analyte + ": plausible minimum " + plausibleMin + " exceeds maximum " + plausibleMax);
        }
        if (molarMass != null && molarMass <= 0) {
            throw new IllegalArgumentException(analyte + ": molar mass must be positive, got " + molarMass);
        }
    }

    public boolean isPlausible(double canonicalValue) {
        return canonicalValue >= plausibleMin && canonicalValue <= plausibleMax;
    }
}
