package org.graftwatch.alerts.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.EventJson;

/** One recorded alert state change: id {@code alertId#revision}, its sequence number, the change in the contract's shape. */
@MongoEntity(collection = "alert_changes")
public class AlertChangeDocument {
    @BsonId
    public String id;
    public long sequence;
    public String alertId;
    public String patientId;
    public Document alert;
    public Instant recordedAt;

    public AlertEvent toEvent() {
        return EventJson.read(alert.toJson(), AlertEvent.class);
    }
}
