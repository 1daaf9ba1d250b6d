package org.graftwatch.surveillance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.graftwatch.contract.Analyte;

/** Builds a patient's series for the rule tests: {@code .add(Analyte.LACTATE, "2025-06-08T19:15:00Z", 3.6)}. */
final class SeriesBuilder {
    private final Map<Analyte, List<Reading>> readings = new EnumMap<>(Analyte.class);
    private int counter;

    SeriesBuilder add(Analyte analyte, String time, double value) {
        readings.computeIfAbsent(analyte, a -> new ArrayList<>())
                .add(new Reading(analyte.code() + "-" + (++counter), Instant.parse(time), value));
        return this;
    }

    /** A full vital-signs round at one time: RR, SpO2, air, SBP, pulse, alert, temperature. */
    SeriesBuilder round(String time, double rr, double spo2, double sbp, double pulse, double temperature) {
        return add(Analyte.RESPIRATORY_RATE, time, rr).add(Analyte.SPO2, time, spo2).add(Analyte.OXYGEN_SUPPLEMENT, time, 0)
                .add(Analyte.SYSTOLIC_BP, time, sbp).add(Analyte.HEART_RATE, time, pulse).add(Analyte.CONSCIOUSNESS, time, 0)
                .add(Analyte.BODY_TEMPERATURE, time, temperature);
    }

    PatientSeries build() {
        PatientSeries series = new PatientSeries();
        readings.forEach(series::with);
        return series;
    }
}
