package org.graftwatch.alerts.domain;

import java.util.Optional;
import org.graftwatch.contract.AlertEvent;

/** One state change of an alert: its new state and, when its status moved, the audit entry saying who and why. */
public record AlertChange(AlertState state, AuditEntry audit) {

    public AlertEvent alert() {
        return state.alert();
    }

    public Optional<AuditEntry> auditEntry() {
        return Optional.ofNullable(audit);
    }
}
