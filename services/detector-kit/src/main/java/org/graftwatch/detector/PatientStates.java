package org.graftwatch.detector;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Per-patient states read for a whole batch in one query and written back in one bulk write. */
public final class PatientStates {
    private PatientStates() {
    }

    public static <S extends PatientState> Map<String, S> load(MongoCollection<S> collection, Collection<String> patientIds) {
        return collection.find(Filters.in("_id", patientIds)).into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(PatientState::patientId, Function.identity()));
    }

    public static <S extends PatientState> void saveAll(MongoCollection<S> collection, Collection<S> states) {
        if (!states.isEmpty()) {
            collection.bulkWrite(states.stream()
                    .map(s -> new ReplaceOneModel<>(Filters.eq("_id", s.patientId()), s, new ReplaceOptions().upsert(true)))
                    .toList());
        }
    }
}
