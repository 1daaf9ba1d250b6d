package org.graftwatch.surveillance.persistence;

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

/** Per-patient surveillance state: read for a whole batch in one query, written back in one bulk write. */
@ApplicationScoped
public class PatientSurveillanceStateRepository implements PanacheMongoRepositoryBase<PatientSurveillanceState, String> {

    public Map<String, PatientSurveillanceState> load(Collection<String> patientIds) {
        return mongoCollection().find(Filters.in("_id", patientIds)).into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(s -> s.patientId, Function.identity()));
    }

    public void saveAll(Collection<PatientSurveillanceState> states) {
        if (!states.isEmpty()) {
            mongoCollection().bulkWrite(states.stream()
                    .map(s -> new ReplaceOneModel<>(Filters.eq("_id", s.patientId), s, new ReplaceOptions().upsert(true)))
                    .toList());
        }
    }
}
