package org.graftwatch.alerts.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.EventJson;

/** An alert as it stands: the latest state change in the contract's shape, plus the fields clinicians filter on. */
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

    public static AlertDocument of(AlertEvent event) {
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
        return doc;
    }

    public AlertEvent toEvent() {
        return EventJson.read(alert.toJson(), AlertEvent.class);
    }
}
