package org.graftwatch.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.Severity;

/**
 * A CRITICAL alert that has waited OPEN for a clinician longer than the policy allows is ESCALATED, once — unless a
 * more severe open alert of the same problem inhibits it (see {@link Inhibition}): the on-call team is then paged for
 * the alert that matters, not for the one it replaced.
 */
public final class Escalation {
    public static final String ACTOR = "escalation-clock";

    private Escalation() {
    }

    /**
     * @param unacknowledgedFor how long a CRITICAL alert may stay OPEN before it escalates
     * @param patientAlerts     the patient's other alerts, for inhibition
     */
    public static Optional<AlertChange> due(AlertState state, Instant now, Duration unacknowledgedFor,
                                            Collection<AlertEvent> patientAlerts) {
        AlertEvent alert = state.alert();
        if (alert.status() != AlertStatus.OPEN || alert.severity() != Severity.CRITICAL || state.awaitingSince() == null
                || now.isBefore(state.awaitingSince().plus(unacknowledgedFor))
                || Inhibition.inhibitor(alert, patientAlerts).isPresent()) {
            return Optional.empty();
        }
        AlertEvent next = AlertLifecycle.withStatus(alert, AlertStatus.ESCALATED, now);
        return Optional.of(new AlertChange(new AlertState(next, null, false), AlertLifecycle.audit(alert, next,
                AuditEntry.Action.ESCALATED, ACTOR, "CRITICAL alert unacknowledged for " + unacknowledgedFor.toMinutes() + " min", now)));
    }
}
