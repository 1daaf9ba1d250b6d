package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One chimerism result: the total donor share of a lineage (%) and, for grafts from several donors, the share
 * of each graft source (source id → %, in insertion order).
 */
public record ChimerismSample(String observationId, Instant at, Lineage lineage, double donorShare, Map<String, Double> bySource) {
    public ChimerismSample {
        bySource = Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    }

    public LocalDate day() {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The source holding at least {@code fraction} of the donor share, if any. */
    public Optional<String> dominantSource(double fraction) {
        if (!(donorShare > 0)) {
            return Optional.empty();
        }
        return bySource.entrySet().stream().filter(e -> e.getValue() / donorShare >= fraction).map(Map.Entry::getKey).findFirst();
    }
}
