package org.graftwatch.graftmonitor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One blood count result in canonical units (10⁹/L), at its clinical time. */
public record CountSample(String observationId, Instant at, double value) {

    /** Calendar day of the sample: days post transplant are counted on the UTC date. */
    public LocalDate day() {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
