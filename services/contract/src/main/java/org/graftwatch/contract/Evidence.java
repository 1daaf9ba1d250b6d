package org.graftwatch.contract;

import java.time.Instant;

/**
 * One observation that made a finding true, as a clinician would read it.
 *
 * @param observationId the sender's observation id
 * @param code          the analyte's catalogue code (e.g. {@code 751-8})
 * @param value         numeric value in {@code unit}, or null for boolean/coded results
 * @param unit          canonical UCUM unit
 * @param effectiveAt   clinical (event) time of the result
 */
public record Evidence(String observationId, String code, Double value, String unit, Instant effectiveAt) {
}
