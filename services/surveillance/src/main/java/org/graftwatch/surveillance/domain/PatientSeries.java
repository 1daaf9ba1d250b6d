package org.graftwatch.surveillance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;

/**
 * A patient's results by analyte, each series in event-time order. Booleans are 1 (true) or 0 (false); ACVPU
 * consciousness is 0 for alert and 1 for new confusion, voice, pain or unresponsive.
 */
public final class PatientSeries {
    private final Map<Analyte, List<Reading>> series = new EnumMap<>(Analyte.class);

    public PatientSeries with(Analyte analyte, List<Reading> readings) {
        series.put(analyte, readings.stream().sorted(Comparator.comparing(Reading::at)).toList());
        return this;
    }

    public List<Reading> of(Analyte analyte) {
        return series.getOrDefault(analyte, List.of());
    }

    /** The latest result at or before {@code at} and no older than {@code window}. */
    public Optional<Reading> latest(Analyte analyte, Instant at, Duration window) {
        return latestAtOrBefore(analyte, at).filter(r -> !r.at().isBefore(at.minus(window)));
    }

    /** The latest result at or before {@code at}, however old: what a running infusion was last set to. */
    public Optional<Reading> latestAtOrBefore(Analyte analyte, Instant at) {
        Reading latest = null;
        for (Reading r : of(analyte)) {
            if (r.at().isAfter(at)) {
                break;
            }
            latest = r;
        }
        return Optional.ofNullable(latest);
    }

    /** Results with {@code from <= at <= to}. */
    public List<Reading> between(Analyte analyte, Instant from, Instant to) {
        return of(analyte).stream().filter(r -> !r.at().isBefore(from) && !r.at().isAfter(to)).toList();
    }

    /** The latest event time of any result: how far the patient's record reaches. */
    public Optional<Instant> horizon() {
        return series.values().stream().filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1).at()).max(Comparator.naturalOrder());
    }

    public static Evidence evidence(Analyte analyte, Reading reading) {
        boolean quantity = analyte.valueType() == Analyte.ValueType.QUANTITY;
        return new Evidence(reading.observationId(), analyte.code(), quantity ? reading.value() : null,
                analyte.canonicalUnit(), reading.at());
    }
}
