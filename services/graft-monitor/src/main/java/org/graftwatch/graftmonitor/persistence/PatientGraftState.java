package org.graftwatch.graftmonitor.persistence;

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

/**
 * What the graft monitor knows of one patient: the case as of its latest version, the count series the rules
 * read (bounded), and the last published state of every episode, so re-processing publishes nothing twice.
 */
@MongoEntity(collection = "patient_graft_state")
public class PatientGraftState implements PatientState {
    /** Bound on stored points per series: about two years of daily counts. */
    static final int MAX_POINTS = 800;

    @BsonId
    public String patientId;
    public KnownCase knownCase = new KnownCase();
    public List<SeriesPoint> anc = new ArrayList<>();
    /** Episode id → what was last published for it. */
    public Map<String, PublishedEpisode> published = new HashMap<>();
    public Instant updatedAt;

    public PatientGraftState() {
    }

    public PatientGraftState(String patientId) {
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
        return event.analyte() == Analyte.ANC && SeriesPoint.apply(anc, event, MAX_POINTS);
    }

    @Override
    public void touch(Instant now) {
        updatedAt = now;
    }
}
