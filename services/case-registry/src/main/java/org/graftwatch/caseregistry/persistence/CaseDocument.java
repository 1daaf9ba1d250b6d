package org.graftwatch.caseregistry.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A patient's case as stored: the case snapshot in the contract's JSON shape, its version for optimistic
 * concurrency, and an outbox of case events written with the change and removed once Kafka has them.
 * Keeping the outbox inside the case document makes "change + event" one atomic write without transactions.
 */
@MongoEntity(collection = "cases")
public class CaseDocument {
    @BsonId
    public String patientId;
    public String caseId;
    public long version;
    public Document snapshot;
    public List<PendingEvent> outbox = new ArrayList<>();
    public Instant updatedAt;

    /** A case event not yet acknowledged by the broker. */
    public static class PendingEvent {
        public String eventId;
        public long version;
        public String json;

        public PendingEvent() {
        }

        public PendingEvent(String eventId, long version, String json) {
            this.eventId = eventId;
            this.version = version;
            this.json = json;
        }
    }
}
