package org.graftwatch.detector;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * The part of a detector's per-patient document that every detector stores the same way (public fields for the
 * MongoDB POJO codec): the patient, the case as known, the last published state of each episode, the last change.
 * A detector extends it with the series its rules read and how an observation changes them.
 */
public abstract class PatientStateDocument implements PatientState {
    @BsonId
    public String patientId;
    public KnownCase knownCase = new KnownCase();
    /** Episode id → what was last published for it. */
    public Map<String, PublishedEpisode> published = new HashMap<>();
    public Instant updatedAt;

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
    public void touch(Instant now) {
        updatedAt = now;
    }
}
