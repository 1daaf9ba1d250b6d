package org.graftwatch.alerts.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.graftwatch.alerts.domain.AuditEntry;

/**
 * Append-only record of who acknowledged, escalated, resolved or re-opened which alert, when and why. This class offers
 * no update or delete; an entry delivered twice (after a crash) is the same entry, kept once.
 */
@ApplicationScoped
public class AuditTrail implements PanacheMongoRepositoryBase<AuditDocument, String> {

    void createIndexes(@Observes StartupEvent start) {
        mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("alertId"), Indexes.ascending("revision")));
        mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("patientId"), Indexes.ascending("at")));
    }

    public void append(AuditEntry entry) {
        try {
            mongoCollection().insertOne(AuditDocument.of(entry));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public List<AuditEntry> ofAlert(String alertId) {
        return mongoCollection().find(Filters.eq("alertId", alertId)).sort(Sorts.ascending("revision"))
                .into(new ArrayList<>()).stream().map(AuditDocument::toEntry).toList();
    }

    public List<AuditEntry> ofPatient(String patientId, int page, int size) {
        return mongoCollection().find(Filters.eq("patientId", patientId)).sort(Sorts.orderBy(Sorts.ascending("at"), Sorts.ascending("_id")))
                .skip(page * size).limit(size)
                .into(new ArrayList<>()).stream().map(AuditDocument::toEntry).toList();
    }
}
