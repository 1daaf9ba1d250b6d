package org.graftwatch.surveillance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;

/**
 * qSOFA (Sepsis-3, Singer et al., JAMA 2016): one point each for respiratory rate ≥ 22/min, systolic BP ≤ 100 mmHg
 * and altered mentation, from the latest value of each inside the window. Altered mentation is a GCS below 15 or,
 * where no GCS is charted, an ACVPU other than alert.
 */
public final class Qsofa {

    /** The total and the values it was computed from. */
    public record Score(int total, List<Evidence> used) {
    }

    private final SepsisCriteria criteria;

    public Qsofa(SepsisCriteria criteria) {
        this.criteria = criteria;
    }

    public Score at(PatientSeries series, Instant at, Duration window) {
        List<Evidence> used = new ArrayList<>();
        int total = 0;
        Optional<Reading> rr = series.latest(Analyte.RESPIRATORY_RATE, at, window);
        if (rr.isPresent()) {
            used.add(PatientSeries.evidence(Analyte.RESPIRATORY_RATE, rr.get()));
            total += rr.get().value() >= criteria.qsofaRespiratoryRate() ? 1 : 0;
        }
        Optional<Reading> sbp = series.latest(Analyte.SYSTOLIC_BP, at, window);
        if (sbp.isPresent()) {
            used.add(PatientSeries.evidence(Analyte.SYSTOLIC_BP, sbp.get()));
            total += sbp.get().value() <= criteria.qsofaSystolic() ? 1 : 0;
        }
        Optional<Reading> gcs = series.latest(Analyte.GCS_TOTAL, at, window);
        Optional<Reading> acvpu = series.latest(Analyte.CONSCIOUSNESS, at, window);
        if (gcs.isPresent()) {
            used.add(PatientSeries.evidence(Analyte.GCS_TOTAL, gcs.get()));
            total += gcs.get().value() < criteria.qsofaGcsBelow() ? 1 : 0;
        } else if (acvpu.isPresent()) {
            used.add(PatientSeries.evidence(Analyte.CONSCIOUSNESS, acvpu.get()));
            total += acvpu.get().value() > 0 ? 1 : 0;
        }
        return new Score(total, used);
    }
}
