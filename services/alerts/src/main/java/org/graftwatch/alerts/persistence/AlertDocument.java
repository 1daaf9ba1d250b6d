package org.graftwatch.alerts.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.graftwatch.alerts.domain.AlertState;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.EventJson;

/**
 * An alert as it stands: the latest state change in the contract's shape, the fields clinicians filter on, what the
 * lifecycle needs beyond the contract, and an outbox of state changes not yet delivered (recorded in the change log
 * and the audit trail, acknowledged by the broker). Writing the change and its outbox entry in one document makes
 * "stored + will be published" one atomic write without transactions; {@code revision} is the optimistic lock.
 */
@MongoEntity(collection = "alerts")
public class AlertDocument {
    @BsonId
    public String alertId;
    public String patientId;
    public String kind;
    public String severity;
    public String status;
    public Instant onsetAt;
    public Instant changedAt;
    public long revision;
    public Document alert;
    public Instant awaitingSince;
    public boolean closedByClinician;
    public List<PendingChange> outbox = new ArrayList<>();

    /**
     * A state change of this alert still to be delivered; {@code audit} is absent for a revision of content only.
     * {@code traceparent} is the trace the change continues (its finding's, or the clinician's request), kept with it
     * so that a delivery by the outbox relay, later or after a restart, still continues it.
     */
    public static class PendingChange {
        public long revision;
        public String alert;
        public String audit;
        public String traceparent;

        public PendingChange() {
        }

        public PendingChange(long revision, String alert, String audit, String traceparent) {
            this.revision = revision;
            this.alert = alert;
            this.audit = audit;
            this.traceparent = traceparent;
        }
    }

    static AlertDocument of(AlertState state, List<PendingChange> outbox) {
        AlertEvent event = state.alert();
        AlertDocument doc = new AlertDocument();
        doc.alertId = event.alertId();
        doc.patientId = event.patientId();
        doc.kind = event.kind().name();
        doc.severity = event.severity().name();
        doc.status = event.status().name();
        doc.onsetAt = event.onsetAt();
        doc.changedAt = event.changedAt();
        doc.revision = event.revision();
        doc.alert = Document.parse(EventJson.write(event));
        doc.awaitingSince = state.awaitingSince();
        doc.closedByClinician = state.closedByClinician();
        doc.outbox = new ArrayList<>(outbox);
        return doc;
    }

    public AlertEvent toEvent() {
        return EventJson.read(alert.toJson(), AlertEvent.class);
    }

    public AlertState toState() {
        return new AlertState(toEvent(), awaitingSince, closedByClinician);
    }
}
