package org.graftwatch.contract;

/** Where an alert stands in its lifecycle. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    ESCALATED,
    RESOLVED
}
