package org.graftwatch.alerts.domain;

import org.graftwatch.contract.AlertStatus;

/** A clinician asked for a status change the alert's current status does not allow (acknowledging a resolved alert). */
public class ImpossibleTransition extends RuntimeException {
    private final AlertStatus current;

    public ImpossibleTransition(AuditEntry.Action action, AlertStatus current) {
        super("an alert that is " + current + " cannot be " + action);
        this.current = current;
    }

    public AlertStatus current() {
        return current;
    }
}
