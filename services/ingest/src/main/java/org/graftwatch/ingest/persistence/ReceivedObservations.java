package org.graftwatch.ingest.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.graftwatch.contract.ObservationEvent;

/** The versions already published per sender's observation: read for a whole batch in one query, written in one bulk. */
@ApplicationScoped
public class ReceivedObservations implements PanacheMongoRepositoryBase<ReceivedObservation, String> {

    /** Splits {@code events} into versions not seen before (in order) and re-sent ones. */
    public Sorted sort(List<ObservationEvent> events) {
        if (events.isEmpty()) {
            return new Sorted(List.of(), List.of(), Map.of());
        }
        List<String> keys = events.stream().map(ReceivedObservations::keyOf).distinct().toList();
        Map<String, ReceivedObservation> known = mongoCollection().find(Filters.in("_id", keys)).into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        Map<String, ReceivedObservation> changed = new LinkedHashMap<>();
        List<ObservationEvent> fresh = new ArrayList<>();
        List<ObservationEvent> duplicates = new ArrayList<>();
        for (ObservationEvent event : events) {
            String key = keyOf(event);
            ReceivedObservation received = changed.containsKey(key) ? changed.get(key)
                    : known.getOrDefault(key, new ReceivedObservation(key, List.of()));
            if (received.eventIds.contains(event.eventId())) {
                duplicates.add(event);
            } else {
                ReceivedObservation updated = new ReceivedObservation(key, received.eventIds);
                updated.eventIds.add(event.eventId());
                changed.put(key, updated);
                fresh.add(event);
            }
        }
        return new Sorted(fresh, duplicates, changed);
    }

    /** Records the fresh versions once they are published. */
    public void remember(Sorted sorted) {
        Collection<ReceivedObservation> changed = sorted.changed().values();
        if (!changed.isEmpty()) {
            mongoCollection().bulkWrite(changed.stream()
                    .map(r -> new ReplaceOneModel<>(Filters.eq("_id", r.id), r, new ReplaceOptions().upsert(true)))
                    .toList());
        }
    }

    private static String keyOf(ObservationEvent event) {
        return ReceivedObservation.keyOf(event.sourceSystem(), event.observationId());
    }

    /** Versions to publish, versions already published, and the records to write once they are. */
    public record Sorted(List<ObservationEvent> fresh, List<ObservationEvent> duplicates, Map<String, ReceivedObservation> changed) {
    }
}
