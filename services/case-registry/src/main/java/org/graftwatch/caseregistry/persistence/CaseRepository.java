package org.graftwatch.caseregistry.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.bson.Document;
import org.graftwatch.caseregistry.domain.CaseRuleViolation;
import org.graftwatch.caseregistry.domain.CaseRuleViolation.Reason;
import org.graftwatch.caseregistry.domain.TransplantCase;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.EventJson;

/** Cases in MongoDB. Writes are conditional on the version read, so concurrent edits never overwrite each other. */
@ApplicationScoped
public class CaseRepository implements PanacheMongoRepositoryBase<CaseDocument, String> {

    void createIndexes(@Observes StartupEvent start) {
        mongoCollection().createIndex(Indexes.ascending("caseId"), new IndexOptions().unique(true));
        mongoCollection().createIndex(Indexes.ascending("outbox.eventId"));
    }

    public static TransplantCase toCase(CaseDocument doc) {
        CaseEvent.CaseSnapshot snapshot = EventJson.read(doc.snapshot.toJson(), CaseEvent.CaseSnapshot.class);
        return new TransplantCase(doc.caseId, snapshot.patient(), snapshot.treatments(), doc.version);
    }

    /** Stores a newly registered case with its first event; a second registration of the patient is a conflict. */
    public void insertNew(TransplantCase registered, CaseDocument.PendingEvent event) {
        try {
            persist(toDocument(registered, List.of(event)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw CaseRuleViolation.of(Reason.CONFLICT, "Patient.id", "patient " + registered.patient().id() + " is already registered");
            }
            throw e;
        }
    }

    /** Replaces the case if nobody changed it since {@code readVersion}, appending the change's event to the outbox. */
    public void replaceIfUnchanged(TransplantCase changed, long readVersion, List<CaseDocument.PendingEvent> outbox) {
        CaseDocument doc = toDocument(changed, outbox);
        var result = mongoCollection().replaceOne(
                Filters.and(Filters.eq("_id", doc.patientId), Filters.eq("version", readVersion)), doc);
        if (result.getMatchedCount() == 0) {
            throw CaseRuleViolation.of(Reason.CONFLICT, "Patient", "the case was changed concurrently (version "
                    + readVersion + " is no longer current); reload and retry");
        }
    }

    /** Removes an event from the outbox once the broker acknowledged it. */
    public void markPublished(String patientId, String eventId) {
        mongoCollection().updateOne(Filters.eq("_id", patientId),
                Updates.pull("outbox", new Document("eventId", eventId)));
    }

    /** Cases with events the broker has not acknowledged yet. */
    public List<CaseDocument> withPendingEvents() {
        return find(new Document("outbox.0", new Document("$exists", true))).list();
    }

    private static CaseDocument toDocument(TransplantCase c, List<CaseDocument.PendingEvent> outbox) {
        CaseDocument doc = new CaseDocument();
        doc.patientId = c.patient().id();
        doc.caseId = c.caseId();
        doc.version = c.version();
        doc.snapshot = Document.parse(EventJson.write(new CaseEvent.CaseSnapshot(c.patient(), c.treatments())));
        doc.outbox = new java.util.ArrayList<>(outbox);
        doc.updatedAt = java.time.Instant.now();
        return doc;
    }
}
