package org.graftwatch.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.KeyedSends;
import org.graftwatch.detector.OutgoingRecord;
import org.graftwatch.ingest.persistence.ReceivedObservations;

/**
 * Publishes canonical observations (keyed by patient) and dead letters, and waits for the broker's acks. A version
 * already published (same sender, id and content) is not published again; versions are remembered only after the
 * broker acknowledged them, so a crash in between re-publishes (downstream ignores the repeated event id) rather
 * than loses.
 */
@ApplicationScoped
public class ObservationPublisher {

    @Inject
    @Channel("observations")
    MutinyEmitter<String> observations;

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> deadLetters;

    @Inject
    ReceivedObservations received;

    @Inject
    IntakeMetrics metrics;

    /** What was published and what was a re-sent duplicate. */
    public record Published(List<ObservationEvent> published, List<ObservationEvent> duplicates) {
    }

    /** Returns once every record is acknowledged; fails if any send failed. Records continue the current trace. */
    public Published publishAndAwait(List<ObservationEvent> accepted, List<DeadLetter> rejected) {
        return publishAndAwait(accepted, rejected, Map.of());
    }

    /**
     * As {@link #publishAndAwait(List, List)}, each event and dead letter continuing the trace of the ward record it
     * came from.
     *
     * @param traceparents event or dead letter (by identity) → {@code traceparent} of its ward record
     */
    public Published publishAndAwait(List<ObservationEvent> accepted, List<DeadLetter> rejected, Map<Object, String> traceparents) {
        ReceivedObservations.Sorted sorted = received.sort(accepted);
        KeyedSends.sendAndAwait(deadLetters, rejected.stream()
                .map(d -> new OutgoingRecord(d.key(), EventJson.write(d), traceparents.get(d))).toList());
        KeyedSends.sendAndAwait(observations, sorted.fresh().stream()
                .map(e -> new OutgoingRecord(e.patientId(), EventJson.write(e), traceparents.get(e))).toList());
        received.remember(sorted);
        metrics.accepted(sorted.fresh().size());
        metrics.duplicates(sorted.duplicates().size());
        return new Published(sorted.fresh(), sorted.duplicates());
    }
}
