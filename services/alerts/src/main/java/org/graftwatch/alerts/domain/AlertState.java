package org.graftwatch.alerts.domain;

import java.time.Instant;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertStatus;

/**
 * An alert as the lifecycle needs it: its latest state change in the contract's shape, plus what the contract does
 * not carry.
 *
 * @param alert              the latest state change
 * @param awaitingSince      while OPEN: since when it has waited for a clinician at its current severity (the
 *                           escalation clock); null otherwise
 * @param closedByClinician  RESOLVED by a clinician rather than by its episode ending: a clinician's resolution
 *                           stands until the episode gets worse
 */
public record AlertState(AlertEvent alert, Instant awaitingSince, boolean closedByClinician) {

    public AlertStatus status() {
        return alert.status();
    }

    public boolean unresolved() {
        return alert.status() != AlertStatus.RESOLVED;
    }
}
