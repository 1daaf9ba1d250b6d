package org.graftwatch.graftmonitor.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Per-patient graft state: read for a whole batch in one query, written back in one bulk write. */
@ApplicationScoped
public class PatientGraftStateRepository implements PanacheMongoRepositoryBase<PatientGraftState, String> {

    public Map<String, PatientGraftState> load(Collection<String> patientIds) {
        return mongoCollection().find(Filters.in("_id", patientIds)).into(new java.util.ArrayList<>()).stream()
                .collect(Collectors.toMap(s -> s.patientId, Function.identity()));
    }

    public void saveAll(Collection<PatientGraftState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<PatientGraftState>> writes = states.stream()
                .map(s -> new ReplaceOneModel<>(Filters.eq("_id", s.patientId), s, new ReplaceOptions().upsert(true)))
                .toList();
        mongoCollection().bulkWrite(writes);
    }
}
