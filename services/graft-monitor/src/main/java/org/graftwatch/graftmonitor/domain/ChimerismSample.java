package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The latest whole-blood or marrow result (what tells whether the graft is there) of a transplant from day 0
     * {@code from}, up to day {@code to} inclusive (null: no bound) and before the next transplant's day 0 {@code until}
     * (null: none).
     */
    static Optional<ChimerismSample> latestOfGraft(List<ChimerismSample> all, LocalDate from, LocalDate to, LocalDate until) {
        return all.stream()
                .filter(c -> c.lineage() == Lineage.WHOLE_BLOOD || c.lineage() == Lineage.BONE_MARROW)
                .filter(c -> !c.day().isBefore(from) && (to == null || !c.day().isAfter(to)) && (until == null || c.day().isBefore(until)))
                .max(Comparator.comparing(ChimerismSample::at));
    }

    /** The source holding at least {@code fraction} of the donor share, if any. */
    public Optional<String> dominantSource(double fraction) {
        if (!(donorShare > 0)) {
            return Optional.empty();
        }
        return bySource.entrySet().stream().filter(e -> e.getValue() / donorShare >= fraction).map(Map.Entry::getKey).findFirst();
    }
}
