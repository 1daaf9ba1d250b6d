package org.graftwatch.detector;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.graftwatch.contract.ObservationEvent;

/**
 * One stored numeric result of a patient's series (public fields for the MongoDB POJO codec), and how a canonical
 * observation changes a series: a result replaces any earlier version with the same observation id, the same
 * version again changes nothing, a retraction removes the result. Series are kept in event-time order, so a late
 * result lands where it belongs, and bounded to the most recent points.
 */
public class SeriesPoint {
    public String observationId;
    public String eventId;
    public Instant at;
    public double value;

    public SeriesPoint() {
    }

    public SeriesPoint(String observationId, String eventId, Instant at, double value) {
        this.observationId = observationId;
        this.eventId = eventId;
        this.at = at;
        this.value = value;
    }

    /** Applies the observation to the series; returns whether the series changed. */
    public static boolean apply(List<SeriesPoint> series, ObservationEvent event, int maxPoints) {
        if (event.type() == ObservationEvent.Type.RETRACTION) {
            return series.removeIf(p -> p.observationId.equals(event.observationId()));
        }
        if (event.value() == null || series.stream().anyMatch(p -> p.eventId.equals(event.eventId()))) {
            return false;
        }
        series.removeIf(p -> p.observationId.equals(event.observationId()));
        series.add(new SeriesPoint(event.observationId(), event.eventId(), event.effectiveAt(), event.value()));
        series.sort(Comparator.comparing(p -> p.at));
        if (series.size() > maxPoints) {
            series.subList(0, series.size() - maxPoints).clear();
        }
        return true;
    }
}
