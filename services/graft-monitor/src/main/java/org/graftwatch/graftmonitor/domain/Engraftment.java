package org.graftwatch.graftmonitor.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An engraftment milestone: dated on the first of the qualifying days.
 *
 * @param onsetDate         the first of the consecutive days
 * @param dayPostTransplant that day counted from day 0
 * @param evidence          one sample per qualifying day
 */
public record Engraftment(LocalDate onsetDate, int dayPostTransplant, List<CountSample> evidence) {
    public Engraftment {
        evidence = List.copyOf(evidence);
    }
}
