package org.graftwatch.detector;

import java.time.Instant;
import java.util.Map;
import org.graftwatch.contract.ObservationEvent;

/** What a detector's stored per-patient state offers to the shared batch loop of {@link DetectorBatch}. */
public interface PatientState {

    String patientId();

    /** The case as known from the latest case event. */
    KnownCase knownCase();

    /** Episode id → last published finding; updated in place by the episode ledger. */
    Map<String, PublishedEpisode> published();

    /** Applies an observation to the series this detector keeps; returns whether anything changed. */
    boolean apply(ObservationEvent event);

    /** Marks the state as changed at {@code now}, just before it is stored. */
    void touch(Instant now);
}
