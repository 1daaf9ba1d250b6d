package org.graftwatch.alerts.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Every alert state change in the order it was stored, numbered by a sequence that only grows: what the SSE stream
 * replays after a client's Last-Event-ID and then follows live. A change is recorded once, whoever delivers it.
 */
@ApplicationScoped
public class AlertChangeLog implements PanacheMongoRepositoryBase<AlertChangeDocument, String> {
    private static final String SEQUENCE = "alert-changes";

    void createIndexes(@Observes StartupEvent start) {
        mongoCollection().createIndex(Indexes.ascending("sequence"), new IndexOptions().unique(true));
    }

    /** Records a change under the next sequence number, unless this revision was recorded already. */
    public void record(String alertId, String patientId, long revision, String alertJson, Instant at) {
        String id = alertId + "#" + revision;
        if (findByIdOptional(id).isPresent()) {
            return;
        }
        AlertChangeDocument doc = new AlertChangeDocument();
        doc.id = id;
        doc.sequence = nextSequence();
        doc.alertId = alertId;
        doc.patientId = patientId;
        doc.alert = Document.parse(alertJson);
        doc.recordedAt = at;
        try {
            persist(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Changes recorded after {@code sequence}, oldest first. */
    public List<AlertChangeDocument> after(long sequence, int limit) {
        return mongoCollection().find(Filters.gt("sequence", sequence)).sort(Sorts.ascending("sequence")).limit(limit)
                .into(new ArrayList<>());
    }

    /** The sequence number of the last recorded change, 0 when none: where a client without Last-Event-ID starts. */
    public long lastSequence() {
        AlertChangeDocument last = mongoCollection().find().sort(Sorts.descending("sequence")).first();
        return last == null ? 0 : last.sequence;
    }

    private long nextSequence() {
        MongoCollection<Document> counters = mongoDatabase().getCollection("sequences");
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", SEQUENCE), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) counter.get("value")).longValue();
    }
}
