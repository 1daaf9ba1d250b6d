package org.graftwatch.alerts.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;

/**
 * Which unresolved alert makes another one not worth escalating (Alertmanager's inhibition): the alert that
 * supersedes it, or a more severe alert of the same clinical problem for the same patient. Septic shock outranks
 * sepsis, which outranks febrile neutropenia, so an open septic shock inhibits both even when the detector named only
 * one of them in {@code supersedes}; within one kind (a critical chimerism decline over the warning) severity decides.
 */
public final class Inhibition {
    /** Kinds that are stages of one clinical problem, least severe first. */
    private static final List<List<AlertKind>> PROBLEMS = List.of(
            List.of(AlertKind.FEBRILE_NEUTROPENIA, AlertKind.SEPSIS, AlertKind.SEPTIC_SHOCK));

    private Inhibition() {
    }

    public static Optional<AlertEvent> inhibitor(AlertEvent alert, Collection<AlertEvent> patientAlerts) {
        return patientAlerts.stream()
                .filter(other -> !other.alertId().equals(alert.alertId()))
                .filter(other -> other.patientId().equals(alert.patientId()))
                .filter(other -> other.status() != AlertStatus.RESOLVED)
                .filter(other -> alert.alertId().equals(other.supersedes()) || outranks(other, alert))
                .findFirst();
    }

    static boolean outranks(AlertEvent a, AlertEvent b) {
        for (List<AlertKind> problem : PROBLEMS) {
            if (problem.contains(a.kind()) && problem.contains(b.kind()) && a.kind() != b.kind()) {
                return problem.indexOf(a.kind()) > problem.indexOf(b.kind());
            }
        }
        return a.kind() == b.kind() && a.severity().compareTo(b.severity()) > 0;
    }
}
