package org.graftwatch.caseregistry.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.graftwatch.caseregistry.persistence.CaseDocument.PendingEvent;
import org.graftwatch.caseregistry.persistence.CaseRepository;
import org.graftwatch.detector.KeyedSends;

/**
 * Sends outbox events to {@code tx.case-events.v1}, keyed by patient, and removes each from the outbox only
 * after the broker acknowledged it. A crash in between re-sends the event later: consumers skip versions
 * they already hold.
 */
@ApplicationScoped
public class CaseEventPublisher {

    @Inject
    @Channel("case-events")
    MutinyEmitter<String> emitter;

    @Inject
    CaseRepository repository;

    public void publish(String patientId, PendingEvent event) {
        emitter.sendMessageAndAwait(KeyedSends.keyed(patientId, event.json));
        repository.markPublished(patientId, event.eventId);
    }
}
