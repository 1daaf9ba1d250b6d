package org.graftwatch.alerts.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Patients' timelines: read for a whole batch in one query, written back in one bulk write. */
@ApplicationScoped
public class PatientTimelines implements PanacheMongoRepositoryBase<PatientTimelineDocument, String> {

    public Map<String, PatientTimelineDocument> load(Collection<String> patientIds) {
        return mongoCollection().find(Filters.in("_id", patientIds)).into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(t -> t.patientId, Function.identity()));
    }

    public void saveAll(Collection<PatientTimelineDocument> timelines) {
        if (!timelines.isEmpty()) {
            mongoCollection().bulkWrite(timelines.stream()
                    .map(t -> new ReplaceOneModel<>(Filters.eq("_id", t.patientId), t, new ReplaceOptions().upsert(true)))
                    .toList());
        }
    }
}
