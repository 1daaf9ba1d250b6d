package org.graftwatch.detector;

import java.time.Instant;
import java.util.Map;
import org.graftwatch.contract.Finding;
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

    /**
     * Applies a finding on {@code tx.findings.v1}, for a detector that reads another's conclusions (and subscribes to
     * that topic); returns whether anything changed. Ignored unless a detector overrides it.
     */
    default boolean apply(Finding finding) {
        return false;
    }

    /** Marks the state as changed at {@code now}, just before it is stored. */
    void touch(Instant now);
}
