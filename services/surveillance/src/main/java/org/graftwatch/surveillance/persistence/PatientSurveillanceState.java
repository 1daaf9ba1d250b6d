package org.graftwatch.surveillance.persistence;

import io.quarkus.mongodb.panache.common.MongoEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.KnownCase;
import org.graftwatch.detector.PatientState;
import org.graftwatch.detector.PublishedEpisode;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.surveillance.domain.Reading;

/**
 * What surveillance knows of one patient: the case, the bounded series its rules read (temperature, ANC) and the
 * last published state of every episode.
 */
@MongoEntity(collection = "patient_surveillance_state")
public class PatientSurveillanceState implements PatientState {
    /** Bound per series: vital signs every few hours for several months. */
    static final int MAX_POINTS = 1500;

    @BsonId
    public String patientId;
    public KnownCase knownCase = new KnownCase();
    public List<SeriesPoint> temperature = new ArrayList<>();
    public List<SeriesPoint> anc = new ArrayList<>();
    public Map<String, PublishedEpisode> published = new HashMap<>();
    public Instant updatedAt;

    public PatientSurveillanceState() {
    }

    public PatientSurveillanceState(String patientId) {
        this.patientId = patientId;
    }

    @Override
    public String patientId() {
        return patientId;
    }

    @Override
    public KnownCase knownCase() {
        return knownCase;
    }

    @Override
    public Map<String, PublishedEpisode> published() {
        return published;
    }

    @Override
    public boolean apply(ObservationEvent event) {
        if (event.analyte() == Analyte.BODY_TEMPERATURE) {
            return SeriesPoint.apply(temperature, event, MAX_POINTS);
        }
        return event.analyte() == Analyte.ANC && SeriesPoint.apply(anc, event, MAX_POINTS);
    }

    @Override
    public void touch(Instant now) {
        updatedAt = now;
    }

    public static List<Reading> readings(List<SeriesPoint> series) {
        return series.stream().map(p -> new Reading(p.observationId, p.at, p.value)).toList();
    }
}
