package org.graftwatch.ingest.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.KeyedSends;
import org.graftwatch.detector.OutgoingRecord;

/** Publishes canonical observations (keyed by patient) and dead letters, and waits for the broker's acks. */
@ApplicationScoped
public class ObservationPublisher {

    @Inject
    @Channel("observations")
    MutinyEmitter<String> observations;

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> deadLetters;

    /** Returns once every record is acknowledged; fails if any send failed. */
    public void publishAndAwait(List<ObservationEvent> accepted, List<DeadLetter> rejected) {
        KeyedSends.sendAndAwait(deadLetters, rejected.stream().map(d -> new OutgoingRecord(d.key(), EventJson.write(d))).toList());
        KeyedSends.sendAndAwait(observations, accepted.stream().map(e -> new OutgoingRecord(e.patientId(), EventJson.write(e))).toList());
    }
}
