package org.graftwatch.alerts.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/** Each patient's current ward as the case registry last reported it, so clinicians can filter alerts by ward. */
@ApplicationScoped
public class PatientWards implements PanacheMongoRepositoryBase<PatientWardDocument, String> {

    void createIndexes(@Observes StartupEvent start) {
        mongoCollection().createIndex(Indexes.ascending("ward"));
    }

    /** Keeps the ward of the newest case version: a redelivered older case event changes nothing. */
    public void update(String patientId, String ward, long caseVersion) {
        try {
            mongoCollection().updateOne(Filters.and(Filters.eq("_id", patientId), Filters.lt("caseVersion", caseVersion)),
                    Updates.combine(Updates.set("ward", ward), Updates.set("caseVersion", caseVersion)), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the patient is stored with this or a newer case version: the upsert's insert collided with it
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public List<String> patientsOn(String ward) {
        return mongoCollection().find(Filters.eq("ward", ward)).into(new ArrayList<>()).stream().map(d -> d.patientId).toList();
    }
}
