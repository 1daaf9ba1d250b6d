package org.graftwatch.alerts.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.graftwatch.alerts.domain.AuditEntry;
import org.graftwatch.contract.AlertStatus;

/** One audit entry as stored, id {@code alertId#revision}: inserted once, never updated or deleted. */
@MongoEntity(collection = "alert_audit")
public class AuditDocument {
    @BsonId
    public String id;
    public String alertId;
    public String patientId;
    public long revision;
    public String action;
    public String fromStatus;
    public String toStatus;
    public String actor;
    public String reason;
    public Instant at;

    static AuditDocument of(AuditEntry entry) {
        AuditDocument doc = new AuditDocument();
        doc.id = entry.alertId() + "#" + entry.revision();
        doc.alertId = entry.alertId();
        doc.patientId = entry.patientId();
        doc.revision = entry.revision();
        doc.action = entry.action().name();
        doc.fromStatus = entry.from() == null ? null : entry.from().name(); // null: raised already resolved
        doc.toStatus = entry.to().name();
        doc.actor = entry.actor();
        doc.reason = entry.reason();
        doc.at = entry.at();
        return doc;
    }

    public AuditEntry toEntry() {
        return new AuditEntry(alertId, patientId, revision, AuditEntry.Action.valueOf(action), fromStatus == null ? null : AlertStatus.valueOf(fromStatus),
                AlertStatus.valueOf(toStatus), actor, reason, at);
    }
}
