package org.graftwatch.alerts.persistence;

import java.time.Instant;
import java.util.Collection;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Severity;

/**
 * Filter and page of an alert search; null criteria match anything.
 *
 * @param patientIds  the patients to include (a ward's patients), or null for all
 * @param onsetFrom   inclusive lower bound of the clinical onset
 * @param onsetTo     exclusive upper bound of the clinical onset
 */
public record AlertQuery(String patientId, Collection<String> patientIds, AlertStatus status, AlertKind kind, Severity severity,
                         Instant onsetFrom, Instant onsetTo, int page, int size) {
}
