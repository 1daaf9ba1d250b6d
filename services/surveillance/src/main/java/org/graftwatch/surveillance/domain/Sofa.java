package org.graftwatch.surveillance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleToIntFunction;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;

/**
 * The acute SOFA rise of Sepsis-3 from the components a ward sends (platelets, bilirubin, MAP/norepinephrine, GCS,
 * creatinine; no PaO2/FiO2). "Acute" is against the patient's own baseline: per component, its lowest score within
 * the baseline window; a component without a value there scores nothing. The bands are the published SOFA score.
 */
public final class Sofa {

    /** The rise summed over components, and the values behind the current scores. */
    public record Rise(int points, List<Evidence> used) {
    }

    private Sofa() {
    }

    public static Rise riseAt(PatientSeries series, Instant at, Duration vitalsWindow, Duration labWindow, Duration baseline) {
        List<Evidence> used = new ArrayList<>();
        int points = single(series, Analyte.PLATELETS, at, labWindow, baseline, used, Sofa::platelets)
                + single(series, Analyte.BILIRUBIN, at, labWindow, baseline, used, Sofa::bilirubin)
                + single(series, Analyte.GCS_TOTAL, at, vitalsWindow, baseline, used, Sofa::gcs)
                + single(series, Analyte.CREATININE, at, labWindow, baseline, used, Sofa::creatinine)
                + cardiovascular(series, at, vitalsWindow, baseline, used);
        return new Rise(points, used);
    }

    private static int single(PatientSeries series, Analyte analyte, Instant at, Duration window, Duration baseline,
                              List<Evidence> used, DoubleToIntFunction band) {
        Optional<Reading> current = series.latest(analyte, at, window);
        List<Reading> recent = series.between(analyte, at.minus(baseline), at);
        if (current.isEmpty() || recent.isEmpty()) {
            return 0;
        }
        int lowest = recent.stream().mapToInt(r -> band.applyAsInt(r.value())).min().orElseThrow();
        int rise = Math.max(0, band.applyAsInt(current.get().value()) - lowest);
        if (rise > 0) {
            used.add(PatientSeries.evidence(analyte, current.get()));
        }
        return rise;
    }

    private static int cardiovascular(PatientSeries series, Instant at, Duration window, Duration baseline, List<Evidence> used) {
        Optional<Integer> current = cardiovascularAt(series, at, window);
        List<Reading> recent = new ArrayList<>(series.between(Analyte.MEAN_ARTERIAL_PRESSURE, at.minus(baseline), at));
        recent.addAll(series.between(Analyte.NOREPINEPHRINE_DOSE, at.minus(baseline), at));
        if (current.isEmpty() || recent.isEmpty()) {
            return 0;
        }
        int lowest = recent.stream().map(r -> cardiovascularAt(series, r.at(), window).orElse(0)).min(Integer::compare).orElseThrow();
        int rise = Math.max(0, current.get() - lowest);
        if (rise > 0) {
            series.latest(Analyte.MEAN_ARTERIAL_PRESSURE, at, window).ifPresent(r -> used.add(PatientSeries.evidence(Analyte.MEAN_ARTERIAL_PRESSURE, r)));
            series.latest(Analyte.NOREPINEPHRINE_DOSE, at, window).ifPresent(r -> used.add(PatientSeries.evidence(Analyte.NOREPINEPHRINE_DOSE, r)));
        }
        return rise;
    }

    static Optional<Integer> cardiovascularAt(PatientSeries series, Instant at, Duration window) {
        Optional<Reading> norepinephrine = series.latest(Analyte.NOREPINEPHRINE_DOSE, at, window);
        Optional<Reading> map = series.latest(Analyte.MEAN_ARTERIAL_PRESSURE, at, window);
        if (norepinephrine.isPresent() && norepinephrine.get().value() > 0) {
            return Optional.of(cardiovascular(map.map(Reading::value).orElse(Double.NaN), norepinephrine.get().value()));
        }
        return map.map(m -> cardiovascular(m.value(), 0));
    }

    static int cardiovascular(double mapMmHg, double norepinephrineUgKgMin) {
        if (norepinephrineUgKgMin > 0.1) {
            return 4;
        }
        if (norepinephrineUgKgMin > 0) {
            return 3;
        }
        return mapMmHg < 70 ? 1 : 0;
    }

    static int platelets(double per10e9L) {
        if (per10e9L < 20) {
            return 4;
        }
        if (per10e9L < 50) {
            return 3;
        }
        if (per10e9L < 100) {
            return 2;
        }
        return per10e9L < 150 ? 1 : 0;
    }

    static int bilirubin(double mgDl) {
        if (mgDl < 1.2) {
            return 0;
        }
        if (mgDl < 2.0) {
            return 1;
        }
        if (mgDl < 6.0) {
            return 2;
        }
        return mgDl < 12.0 ? 3 : 4;
    }

    static int gcs(double total) {
        if (total >= 15) {
            return 0;
        }
        if (total >= 13) {
            return 1;
        }
        if (total >= 10) {
            return 2;
        }
        return total >= 6 ? 3 : 4;
    }

    static int creatinine(double mgDl) {
        if (mgDl < 1.2) {
            return 0;
        }
        if (mgDl < 2.0) {
            return 1;
        }
        if (mgDl < 3.5) {
            return 2;
        }
        return mgDl < 5.0 ? 3 : 4;
    }
}
