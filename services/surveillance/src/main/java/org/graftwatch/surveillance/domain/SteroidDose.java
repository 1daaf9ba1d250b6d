package org.graftwatch.surveillance.domain;

import java.time.LocalDate;

/**
 * Systemic corticosteroids from {@code from} at a daily dose in mg/kg of methylprednisolone equivalent, until the next
 * dose recorded (a taper, a stop at 0 is recorded as a new dose).
 */
public record SteroidDose(LocalDate from, double mgPerKgPerDay) {
}
