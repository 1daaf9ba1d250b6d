package org.graftwatch.surveillance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;

/**
 * NEWS2 (Royal College of Physicians, 2017), SpO2 scale 1, from the latest value of each of its seven parameters
 * inside the window. The bands are the published score itself, so they are not configuration; a parameter without
 * a value in the window scores 0 (air, alert), as on a chart where it was not recorded.
 */
public final class News2 {

    /** The total and the values it was computed from. */
    public record Score(int total, List<Evidence> used) {
    }

    private News2() {
    }

    public static Score at(PatientSeries series, Instant at, Duration window) {
        List<Evidence> used = new ArrayList<>();
        int total = part(series, Analyte.RESPIRATORY_RATE, at, window, used, News2::respiratoryRate)
                + part(series, Analyte.SPO2, at, window, used, News2::spo2)
                + part(series, Analyte.OXYGEN_SUPPLEMENT, at, window, used, v -> v > 0 ? 2 : 0)
                + part(series, Analyte.SYSTOLIC_BP, at, window, used, News2::systolic)
                + part(series, Analyte.HEART_RATE, at, window, used, News2::pulse)
                + part(series, Analyte.CONSCIOUSNESS, at, window, used, v -> v > 0 ? 3 : 0)
                + part(series, Analyte.BODY_TEMPERATURE, at, window, used, News2::temperature);
        return new Score(total, used);
    }

    private static int part(PatientSeries series, Analyte analyte, Instant at, Duration window, List<Evidence> used,
                            java.util.function.DoubleToIntFunction band) {
        Optional<Reading> latest = series.latest(analyte, at, window);
        latest.ifPresent(r -> used.add(PatientSeries.evidence(analyte, r)));
        return latest.map(r -> band.applyAsInt(r.value())).orElse(0);
    }

    static int respiratoryRate(double perMinute) {
        if (perMinute <= 8) {
            return 3;
        }
        if (perMinute < 12) {
            return 1;
        }
        if (perMinute <= 20) {
            return 0;
        }
        return perMinute < 25 ? 2 : 3;
    }

    static int spo2(double percent) {
        if (percent <= 91) {
            return 3;
        }
        if (percent <= 93) {
            return 2;
        }
        return percent <= 95 ? 1 : 0;
    }

    static int systolic(double mmHg) {
        if (mmHg <= 90) {
            return 3;
        }
        if (mmHg <= 100) {
            return 2;
        }
        if (mmHg <= 110) {
            return 1;
        }
        return mmHg < 220 ? 0 : 3;
    }

    static int pulse(double perMinute) {
        if (perMinute <= 40) {
            return 3;
        }
        if (perMinute <= 50) {
            return 1;
        }
        if (perMinute <= 90) {
            return 0;
        }
        if (perMinute <= 110) {
            return 1;
        }
        return perMinute <= 130 ? 2 : 3;
    }

    static int temperature(double celsius) {
        if (celsius <= 35.0) {
            return 3;
        }
        if (celsius <= 36.0) {
            return 1;
        }
        if (celsius <= 38.0) {
            return 0;
        }
        return celsius <= 39.0 ? 1 : 2;
    }
}
