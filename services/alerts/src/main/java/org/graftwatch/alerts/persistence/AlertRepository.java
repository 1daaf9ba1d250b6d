package org.graftwatch.alerts.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.graftwatch.alerts.domain.AlertChange;
import org.graftwatch.alerts.domain.AlertState;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.EventJson;
import org.graftwatch.detector.RecordTrace;

/** Alerts by id, each change written conditionally on the revision it was computed from; queried by the clinician API. */
@ApplicationScoped
public class AlertRepository implements PanacheMongoRepositoryBase<AlertDocument, String> {

    @Inject
    AlertMetrics metrics;

    void createIndexes(@Observes StartupEvent start) {
        mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("patientId"), Indexes.descending("onsetAt")));
        mongoCollection().createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("onsetAt")),
                new IndexOptions().name("status_onset"));
    }

    public Optional<AlertState> state(String alertId) {
        return findByIdOptional(alertId).map(AlertDocument::toState);
    }

    /** As {@link #store(AlertChange, long, String)}, the change continuing the trace current on this thread. */
    public boolean store(AlertChange change, long readRevision) {
        return store(change, readRevision, RecordTrace.current());
    }

    /**
     * Stores a change with its outbox entry if the alert is still at {@code readRevision} (0: not yet stored).
     *
     * @param traceparent the trace its delivery continues (null: none)
     * @return false when another writer changed the alert first: reload and decide again
     */
    public boolean store(AlertChange change, long readRevision, String traceparent) {
        boolean stored = write(change, readRevision, traceparent);
        if (stored) {
            metrics.stored(change.alert());
        }
        return stored;
    }

    private boolean write(AlertChange change, long readRevision, String traceparent) {
        AlertDocument.PendingChange pending = new AlertDocument.PendingChange(change.alert().revision(),
                EventJson.write(change.alert()), change.auditEntry().map(EventJson::write).orElse(null), traceparent);
        if (readRevision == 0) {
            try {
                persist(AlertDocument.of(change.state(), List.of(pending)));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        AlertDocument doc = AlertDocument.of(change.state(), List.of());
        Bson update = Updates.combine(
                Updates.set("patientId", doc.patientId), Updates.set("kind", doc.kind), Updates.set("severity", doc.severity),
                Updates.set("status", doc.status), Updates.set("onsetAt", doc.onsetAt), Updates.set("changedAt", doc.changedAt),
                Updates.set("revision", doc.revision), Updates.set("alert", doc.alert),
                Updates.set("awaitingSince", doc.awaitingSince), Updates.set("closedByClinician", doc.closedByClinician),
                Updates.push("outbox", new Document("revision", pending.revision).append("alert", pending.alert).append("audit", pending.audit)
                        .append("traceparent", pending.traceparent)));
        return mongoCollection().updateOne(Filters.and(Filters.eq("_id", change.alert().alertId()),
                Filters.eq("revision", readRevision)), update).getMatchedCount() == 1;
    }

    /** The change is in the change log, the audit trail and on the broker: drop it from the outbox. */
    public void delivered(String alertId, long revision) {
        mongoCollection().updateOne(Filters.eq("_id", alertId), Updates.pull("outbox", new Document("revision", revision)));
    }

    public List<AlertDocument> withPendingChanges(Collection<String> alertIds) {
        Bson pending = Filters.exists("outbox.0");
        return mongoCollection().find(alertIds == null ? pending : Filters.and(Filters.in("_id", alertIds), pending))
                .into(new ArrayList<>());
    }

    /** OPEN CRITICAL alerts: the only ones that can escalate. */
    public List<AlertState> awaitingEscalation() {
        return mongoCollection().find(Filters.and(Filters.eq("status", AlertStatus.OPEN.name()), Filters.eq("severity", "CRITICAL")))
                .into(new ArrayList<>()).stream().map(AlertDocument::toState).toList();
    }

    public List<AlertEvent> unresolvedOf(String patientId) {
        return mongoCollection().find(Filters.and(Filters.eq("patientId", patientId), Filters.ne("status", AlertStatus.RESOLVED.name())))
                .into(new ArrayList<>()).stream().map(AlertDocument::toEvent).toList();
    }

    /** Alerts matching every given criterion (null = any), most recent onset first. */
    public List<AlertEvent> search(AlertQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.patientId() != null) {
            filters.add(Filters.eq("patientId", query.patientId()));
        }
        if (query.patientIds() != null) {
            filters.add(Filters.in("patientId", query.patientIds()));
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
        if (query.onsetFrom() != null) {
            filters.add(Filters.gte("onsetAt", query.onsetFrom()));
        }
        if (query.onsetTo() != null) {
            filters.add(Filters.lt("onsetAt", query.onsetTo()));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        return mongoCollection().find(filter).sort(Sorts.orderBy(Sorts.descending("onsetAt"), Sorts.ascending("_id")))
                .skip(query.page() * query.size()).limit(query.size())
                .into(new ArrayList<>()).stream().map(AlertDocument::toEvent).toList();
    }
}
