package org.graftwatch.graftmonitor.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.graftmonitor.domain.ChimerismSample;
import org.graftwatch.graftmonitor.domain.Lineage;

/**
 * One stored chimerism result (public fields for the MongoDB POJO codec): the lineage, the total
 * donor share and the share of each graft source. Applied like a {@link org.graftwatch.detector.SeriesPoint}: a new
 * version replaces the old one, the same version changes nothing, a retraction removes it.
 */
public class ChimerismPoint {
    public String observationId;
    public String eventId;
    public Instant at;
    /** {@link Lineage} name. */
    public String lineage;
    public double donorShare;
    public List<SourceShare> sources = new ArrayList<>();

    /** The donor share of one graft source. */
    public static class SourceShare {
        public String source;
        public double value;

        public SourceShare() {
        }

        public SourceShare(String source, double value) {
            this.source = source;
            this.value = value;
        }
    }

    public ChimerismPoint() {
    }

    /** Applies a chimerism observation; returns whether the series changed. */
    public static boolean apply(List<ChimerismPoint> series, ObservationEvent event, int maxPoints) {
        if (event.type() == ObservationEvent.Type.RETRACTION) {
            return series.removeIf(p -> p.observationId.equals(event.observationId()));
        }
        if (event.value() == null || series.stream().anyMatch(p -> p.eventId.equals(event.eventId()))) {
            return false;
        }
        series.removeIf(p -> p.observationId.equals(event.observationId()));
        ChimerismPoint point = new ChimerismPoint();
        point.observationId = event.observationId();
        point.eventId = event.eventId();
        point.at = event.effectiveAt();
        point.lineage = Lineage.of(event.analyte()).orElseThrow(() -> new IllegalArgumentException("not a chimerism analyte")).name();
        point.donorShare = event.value();
        event.components().forEach(c -> point.sources.add(new SourceShare(c.source(), c.value())));
        series.add(point);
        series.sort(Comparator.comparing(p -> p.at));
        if (series.size() > maxPoints) {
            series.subList(0, series.size() - maxPoints).clear();
        }
        return true;
    }

    public ChimerismSample toSample() {
        Map<String, Double> bySource = new LinkedHashMap<>();
        sources.forEach(s -> bySource.put(s.source, s.value));
        return new ChimerismSample(observationId, at, Lineage.valueOf(lineage), donorShare, bySource);
    }
}
