package org.graftwatch.alerts.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.conversions.Bson;
import org.graftwatch.contract.AlertEvent;

/** Alerts by id, written in bulk per batch of findings, queried by the clinician API. */
@ApplicationScoped
public class AlertRepository implements PanacheMongoRepositoryBase<AlertDocument, String> {

    void createIndexes(@Observes StartupEvent start) {
        mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("patientId"), Indexes.descending("onsetAt")));
        mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("onsetAt")),
                new IndexOptions().name("status_onset"));
    }

    public Map<String, AlertEvent> load(Collection<String> alertIds) {
        return mongoCollection().find(Filters.in("_id", alertIds)).into(new ArrayList<>()).stream()
                .map(AlertDocument::toEvent)
                .collect(Collectors.toMap(AlertEvent::alertId, Function.identity()));
    }

    public void saveAll(Collection<AlertEvent> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        mongoCollection().bulkWrite(alerts.stream()
                .map(a -> new ReplaceOneModel<>(Filters.eq("_id", a.alertId()), AlertDocument.of(a), new ReplaceOptions().upsert(true)))
                .toList());
    }

    /** Alerts matching every given criterion (null = any), most recent onset first. */
    public List<AlertEvent> search(AlertQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.patientId() != null) {
            filters.add(Filters.eq("patientId", query.patientId()));
        }
        if (query.status() != null) {
            filters.add(Filters.eq("status", query.status().name()));
        }
        if (query.kind() != null) {
            filters.add(Filters.eq("kind", query.kind().name()));
        }
        if (query.severity() != null) {
            filters.add(Filters.eq("severity", query.severity().name()));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        return mongoCollection().find(filter).sort(Sorts.descending("onsetAt"))
                .skip(query.page() * query.size()).limit(query.size())
                .into(new ArrayList<>()).stream().map(AlertDocument::toEvent).toList();
    }
}
