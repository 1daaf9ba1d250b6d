package org.graftwatch.surveillance.domain;

import java.time.Instant;

/** One numeric result (temperature in °C, ANC in 10⁹/L, ...) at its clinical time. */
public record Reading(String observationId, Instant at, double value) {
}
