package org.graftwatch.alerts.persistence;

import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Severity;

/** Filter and page of an alert search; null criteria match anything. */
public record AlertQuery(String patientId, AlertStatus status, AlertKind kind, Severity severity, int page, int size) {
}
