package org.graftwatch.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.KeyedSends;
import org.graftwatch.detector.OutgoingRecord;
import org.graftwatch.ingest.persistence.ReceivedObservations;

/**
 * Publishes the canonical observations posted over HTTP ({@code POST /fhir}, {@code /hl7v2}), keyed by patient, and
 * waits for the broker's acks. A version already published (same sender, id and content) is not published again;
 * versions are remembered only after the broker acknowledged them, so a crash in between re-publishes (downstream
 * ignores the repeated event id) rather than loses. The ward topics are consumed exactly once instead, in Kafka
 * transactions ({@link WardRecordConsumer}); both remember and count what they published here ({@link #published}).
 */
@ApplicationScoped
public class ObservationPublisher {

    @Inject
    @Channel("observations")
    MutinyEmitter<String> observations;

    @Inject
    ReceivedObservations received;

    @Inject
    IntakeMetrics metrics;

    /** What was published and what was a re-sent duplicate. */
    public record Published(List<ObservationEvent> published, List<ObservationEvent> duplicates) {
    }

    /** Returns once every record is acknowledged; fails if any send failed. Records continue the current trace. */
    public Published publishAndAwait(List<ObservationEvent> accepted) {
        ReceivedObservations.Sorted sorted = received.sort(accepted);
        KeyedSends.sendAndAwait(observations, sorted.fresh().stream()
                .map(e -> new OutgoingRecord(e.patientId(), EventJson.write(e))).toList());
        published(sorted);
        return new Published(sorted.fresh(), sorted.duplicates());
    }

    /** The fresh versions are on the broker: remember them (a re-sent one is then a duplicate) and count the outcome. */
    public void published(ReceivedObservations.Sorted sorted) {
        received.remember(sorted);
        metrics.accepted(sorted.fresh().size());
        metrics.duplicates(sorted.duplicates().size());
    }
}
