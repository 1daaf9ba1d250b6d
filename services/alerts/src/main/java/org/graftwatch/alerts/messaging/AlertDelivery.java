package org.graftwatch.alerts.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.graftwatch.alerts.domain.AuditEntry;
import org.graftwatch.alerts.persistence.AlertChangeLog;
import org.graftwatch.alerts.persistence.AlertDocument;
import org.graftwatch.alerts.persistence.AlertRepository;
import org.graftwatch.alerts.persistence.AuditTrail;
import org.graftwatch.contract.EventJson;
import org.graftwatch.detector.KeyedSends;
import org.graftwatch.detector.OutgoingRecord;

/**
 * Delivers stored alert changes from their outbox: records each in the change log (its SSE sequence number) and the
 * audit trail, publishes it on {@code tx.alerts.v1} and waits for the broker, then drops it from the outbox. Every
 * step is idempotent, so a delivery interrupted anywhere is simply repeated; a change may then reach the broker twice
 * with the same revision, which consumers recognise as a redelivery.
 */
@ApplicationScoped
public class AlertDelivery {
    /** One delivery at a time in this process: sequence numbers are then recorded in the order they are assigned. */
    private final ReentrantLock lock = new ReentrantLock();

    @Inject
    AlertRepository alerts;

    @Inject
    AlertChangeLog changeLog;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Clock clock;

    @Inject
    @Channel("alerts")
    MutinyEmitter<String> emitter;

    private record Delivered(String alertId, long revision) {
    }

    /** @param alertIds the alerts whose pending changes to deliver; null for every alert with pending changes */
    public int deliver(Collection<String> alertIds) {
        if (alertIds != null && alertIds.isEmpty()) {
            return 0;
        }
        lock.lock();
        try {
            // read inside the lock: what another delivery already handled is no longer pending
            List<AlertDocument> pending = alerts.withPendingChanges(alertIds);
            List<OutgoingRecord> records = new ArrayList<>();
            List<Delivered> delivered = new ArrayList<>();
            Instant now = Instant.now(clock);
            for (AlertDocument doc : pending) {
                for (AlertDocument.PendingChange change : doc.outbox.stream()
                        .sorted(Comparator.comparingLong(c -> c.revision)).toList()) {
                    changeLog.record(doc.alertId, doc.patientId, change.revision, change.alert, now);
                    if (change.audit != null) {
                        auditTrail.append(EventJson.read(change.audit, AuditEntry.class));
                    }
                    records.add(new OutgoingRecord(doc.patientId, change.alert, change.traceparent));
                    delivered.add(new Delivered(doc.alertId, change.revision));
                }
            }
            KeyedSends.sendAndAwait(emitter, records);
            delivered.forEach(d -> alerts.delivered(d.alertId(), d.revision()));
            return delivered.size();
        } finally {
            lock.unlock();
        }
    }
}
