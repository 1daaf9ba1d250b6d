package org.graftwatch.alerts.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.graftwatch.contract.AlertEvent;

/**
 * Alerts as they are stored (once each, whatever the deliveries): {@code graftwatch_alerts_raised_total} by kind and
 * severity for every new alert, and {@code graftwatch_alerts_changes_total} by status and severity for every change
 * (raised, content revised, acknowledged, escalated, resolved).
 */
@ApplicationScoped
public class AlertMetrics {
    static final String RAISED = "graftwatch.alerts.raised";
    static final String CHANGES = "graftwatch.alerts.changes";

    @Inject
    MeterRegistry registry;

    void stored(AlertEvent alert) {
        if (alert.revision() == 1) {
            registry.counter(RAISED, "kind", alert.kind().name(), "severity", alert.severity().name()).increment();
        }
        registry.counter(CHANGES, "status", alert.status().name(), "severity", alert.severity().name()).increment();
    }
}
