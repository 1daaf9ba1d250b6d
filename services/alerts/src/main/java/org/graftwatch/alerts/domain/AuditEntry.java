package org.graftwatch.alerts.domain;

import java.time.Instant;
import org.graftwatch.contract.AlertStatus;

/**
 * Who moved an alert from one status to another, when and why. One entry per audited revision, never changed.
 *
 * @param actor  the clinician, or the service that acted (the detector whose episode ended, the escalation clock)
 */
public record AuditEntry(String alertId, String patientId, long revision, Action action, AlertStatus from,
                         AlertStatus to, String actor, String reason, Instant at) {

    public enum Action { ACKNOWLEDGED, RESOLVED, ESCALATED, REOPENED }
}
