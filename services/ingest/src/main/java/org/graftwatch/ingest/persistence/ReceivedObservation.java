package org.graftwatch.ingest.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.util.ArrayList;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One sender's observation as received so far: the event ids of every content version published for it. A
 * re-sent version is recognised by its event id; a corrected one has a new id and is published.
 */
@MongoEntity(collection = "received-observations")
public class ReceivedObservation {
    /** {@code sourceSystem + "|" + observationId}. */
    @BsonId
    public String id;
    public List<String> eventIds = new ArrayList<>();

    public ReceivedObservation() {
    }

    public ReceivedObservation(String id, List<String> eventIds) {
        this.id = id;
        this.eventIds = new ArrayList<>(eventIds);
    }

    public static String keyOf(String sourceSystem, String observationId) {
        return sourceSystem + "|" + observationId;
    }
}
