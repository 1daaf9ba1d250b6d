package org.graftwatch.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.alerts.config.AlertsConfig;
import org.graftwatch.alerts.domain.AlertChange;
import org.graftwatch.alerts.domain.AlertLifecycle;
import org.graftwatch.alerts.domain.AlertState;
import org.graftwatch.alerts.domain.Escalation;
import org.graftwatch.alerts.messaging.AlertDelivery;
import org.graftwatch.alerts.persistence.AlertRepository;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.detector.RecordCounts;
import org.graftwatch.detector.RecordTrace;
import org.jboss.logging.Logger;

/**
 * Where alerts change: from findings, from clinicians, from the escalation clock. Each change is stored with its
 * outbox entry first (conditionally on the revision it was decided from, so concurrent writers never overwrite each
 * other), then delivered — recorded in the change log and audit trail, and published. A crash in between leaves the
 * change in the outbox for the relay; a finding redelivered after the crash finds the stored alert and changes nothing.
 */
@ApplicationScoped
public class AlertDesk {
    private static final Logger LOG = Logger.getLogger(AlertDesk.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final String SERVICE = "alerts";

    @Inject
    AlertRepository repository;

    @Inject
    AlertDelivery delivery;

    @Inject
    AlertsConfig config;

    @Inject
    Clock clock;

    /** @param changedAlerts ids of the alerts this batch changed; {@code deadLetters} unreadable records */
    public record BatchOutcome(List<String> changedAlerts, List<DeadLetter> deadLetters) {
    }

    public enum ClinicianAction { ACKNOWLEDGE, RESOLVE }

    /** Stores the alert changes a batch of findings makes; the caller sends the dead letters, then {@link #deliver}s. */
    public BatchOutcome process(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Finding>> findingsByAlert = new LinkedHashMap<>();
        // the trace each finding's record carries: the alert change it causes continues it (by identity)
        Map<Finding, String> traceparents = new IdentityHashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (ConsumerRecord<String, String> record : records) {
            try {
                Finding finding = EventJson.read(record.value(), Finding.class);
                findingsByAlert.computeIfAbsent(finding.episodeId(), id -> new ArrayList<>()).add(finding);
                traceparents.put(finding, RecordTrace.of(record));
                RecordCounts.processed(SERVICE, record.topic());
            } catch (RuntimeException e) {
                RecordCounts.rejected(SERVICE, record.topic(), "unreadable");
                LOG.warnf("unreadable finding at %s-%d@%d sent to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                deadLetters.add(new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        String.valueOf(record.value()), List.of(new DeadLetter.Problem(null, String.valueOf(e.getMessage()))), now, SERVICE));
            }
        }
        List<String> changed = new ArrayList<>();
        findingsByAlert.forEach((alertId, findings) -> {
            if (applyFindings(alertId, findings, traceparents, now)) {
                changed.add(alertId);
            }
        });
        return new BatchOutcome(changed, deadLetters);
    }

    public void deliver(BatchOutcome outcome) {
        delivery.deliver(outcome.changedAlerts());
    }

    /**
     * A clinician acknowledges or resolves an alert.
     *
     * @return the alert after the change, empty if there is no such alert
     * @throws org.graftwatch.alerts.domain.ImpossibleTransition when its status does not allow the action
     */
    public Optional<AlertEvent> act(String alertId, ClinicianAction action, String actor, String reason) {
        for (int attempt = 1; ; attempt++) {
            Optional<AlertState> current = repository.state(alertId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Instant now = Instant.now(clock);
            AlertChange change = action == ClinicianAction.ACKNOWLEDGE
                    ? AlertLifecycle.acknowledge(current.get(), actor, reason, now)
                    : AlertLifecycle.resolve(current.get(), actor, reason, now);
            if (repository.store(change, current.get().alert().revision())) {
                deliverNowOrLater(List.of(alertId));
                return Optional.of(change.alert());
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("alert " + alertId + " kept changing concurrently");
            }
        }
    }

    /** Escalates every CRITICAL alert left OPEN past the configured time and not inhibited; returns how many. */
    public int escalateOverdue() {
        Instant now = Instant.now(clock);
        List<String> escalated = new ArrayList<>();
        for (AlertState state : repository.awaitingEscalation()) {
            Escalation.due(state, now, config.escalation().unacknowledgedFor(), repository.unresolvedOf(state.alert().patientId()))
                    // lost to a concurrent change (an acknowledgement): the next check decides on the new state
                    .filter(change -> repository.store(change, state.alert().revision()))
                    .ifPresent(change -> escalated.add(change.alert().alertId()));
        }
        if (!escalated.isEmpty()) {
            LOG.infof("%d alert(s) escalated", escalated.size());
            deliverNowOrLater(escalated);
        }
        return escalated.size();
    }

    private void deliverNowOrLater(List<String> alertIds) {
        try {
            delivery.deliver(alertIds);
        } catch (RuntimeException e) {
            // stored with its outbox entry: the relay delivers it once the broker answers again
            LOG.warnf("alert change stored, delivery deferred to the outbox relay: %s", e.getMessage());
        }
    }

    private boolean applyFindings(String alertId, List<Finding> findings, Map<Finding, String> traceparents, Instant now) {
        boolean changed = false;
        for (int attempt = 1; ; attempt++) {
            AlertState state = repository.state(alertId).orElse(null);
            boolean conflict = false;
            for (Finding finding : findings) {
                Optional<AlertChange> change = AlertLifecycle.apply(state, finding, now);
                if (change.isEmpty()) {
                    continue;
                }
                if (!repository.store(change.get(), state == null ? 0 : state.alert().revision(), traceparents.get(finding))) {
                    conflict = true;
                    break;
                }
                state = change.get().state();
                changed = true;
            }
            if (!conflict) {
                return changed;
            }
            // a clinician or the escalation clock changed the alert meanwhile: decide again on what is stored
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("alert " + alertId + " kept changing concurrently");
            }
        }
    }
}
