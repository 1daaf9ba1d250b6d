package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published criteria (clinical-criteria.md) and builders for clinical timelines, for the rule tests. */
final class ClinicalDefaults {
    static final EngraftmentCriteria NEUTROPHIL = new EngraftmentCriteria(0.5, 3);
    static final PlateletEngraftmentCriteria PLATELET = new PlateletEngraftmentCriteria(new EngraftmentCriteria(20, 3), 7);
    static final GraftFailureCriteria FAILURE = new GraftFailureCriteria(28, 42, 0.5, 3, 5, 28, 0.5, 20, 70, 2, 3, 95);
    static final IcahtCriteria ICAHT = new IcahtCriteria(30, 0.5, 0.1, 7, 14, 7, 1.5, 1.0, 2, 5, 3, 3);
    static final ChimerismCriteria CHIMERISM = new ChimerismCriteria(95, 5, 0.90, 5, 10, 90);
    static final GraftCriteria ALL = new GraftCriteria(NEUTROPHIL, PLATELET, FAILURE, ICAHT, CHIMERISM);

    private ClinicalDefaults() {
    }

    static Instant at(LocalDate dayZero, int day, String time) {
        return Instant.parse(dayZero.plusDays(day) + "T" + time + ":00Z");
    }

    static CountSample sample(String prefix, LocalDate dayZero, int day, double value) {
        return new CountSample(prefix + "-d" + day, at(dayZero, day, "07:30"), value);
    }

    /** One result per day from {@code firstDay}, in day order. */
    static List<CountSample> daily(String prefix, LocalDate dayZero, int firstDay, double... values) {
        List<CountSample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(sample(prefix, dayZero, firstDay + i, values[i]));
        }
        return samples;
    }

    static List<CountSample> repeated(String prefix, LocalDate dayZero, int firstDay, int lastDay, double value) {
        List<CountSample> samples = new ArrayList<>();
        for (int day = firstDay; day <= lastDay; day++) {
            samples.add(sample(prefix, dayZero, day, value));
        }
        return samples;
    }

    static CountSample transfusion(LocalDate dayZero, int day) {
        return new CountSample("tx-d" + day, at(dayZero, day, "10:00"), 1);
    }

    /** A chimerism result with its sources as alternating id, share. */
    static ChimerismSample chimerism(Lineage lineage, LocalDate dayZero, int day, double total, Object... sources) {
        Map<String, Double> bySource = new LinkedHashMap<>();
        for (int i = 0; i < sources.length; i += 2) {
            bySource.put((String) sources[i], ((Number) sources[i + 1]).doubleValue());
        }
        return new ChimerismSample(lineage.name() + "-d" + day, at(dayZero, day, "09:00"), lineage, total, bySource);
    }

    static GraftHistory history(List<Transplant> transplants, List<LocalDate> carT, List<CountSample> anc, List<CountSample> platelets,
                                List<CountSample> hb, List<CountSample> transfusions, List<ChimerismSample> chimerism, Instant now) {
        return new GraftHistory(transplants, carT, anc, platelets, hb, transfusions, List.of(), List.of(), chimerism, now, null);
    }
}
