package org.graftwatch.contract;

import java.time.Instant;
import java.util.List;

/**
 * One alert state change on {@link Topics#ALERTS}, in the shape of the contract ("what one alert is").
 * {@code alertId} is stable for a clinical episode; {@code revision} counts its state changes, so a consumer
 * that sees a revision twice knows it is a redelivery.
 */
public record AlertEvent(
        String alertId,
        String patientId,
        String caseId,
        AlertKind kind,
        Severity severity,
        AlertStatus status,
        Instant onsetAt,
        Instant raisedAt,
        Integer dayPostTransplant,
        RuleRef rule,
        String summary,
        List<Evidence> evidence,
        String supersedes,
        long revision,
        Instant changedAt) {

    public AlertEvent {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
