package org.graftwatch.surveillance.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;
import org.graftwatch.detector.KnownCase;
import org.graftwatch.detector.PublishedEpisode;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.surveillance.domain.Reading;

/**
 * What surveillance knows of one patient: the case, the bounded series its rules read (temperature, ANC) and the
 * last published state of every episode.
 */
@MongoEntity(collection = "patient_surveillance_state")
public class PatientSurveillanceState {
    @BsonId
    public String patientId;
    public KnownCase knownCase = new KnownCase();
    public List<SeriesPoint> temperature = new ArrayList<>();
    public List<SeriesPoint> anc = new ArrayList<>();
    public Map<String, PublishedEpisode> published = new HashMap<>();
    public Instant updatedAt;

    public static List<Reading> readings(List<SeriesPoint> series) {
        return series.stream().map(p -> new Reading(p.observationId, p.at, p.value)).toList();
    }
}
