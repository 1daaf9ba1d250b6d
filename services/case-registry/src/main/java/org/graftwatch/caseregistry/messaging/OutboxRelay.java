package org.graftwatch.caseregistry.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import org.graftwatch.caseregistry.persistence.CaseDocument;
import org.graftwatch.caseregistry.persistence.CaseRepository;
import org.jboss.logging.Logger;

/** Re-sends case events whose publication was interrupted (broker down, process stopped mid-request). */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    CaseRepository repository;

    @Inject
    CaseEventPublisher publisher;

    @Scheduled(every = "${graftwatch.outbox.relay-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void relay() {
        for (CaseDocument doc : repository.withPendingEvents()) {
            // In version order, stopping at the first failure: a consumer must never see version n+1 before n.
            for (CaseDocument.PendingEvent event : doc.outbox.stream().sorted(Comparator.comparingLong(e -> e.version)).toList()) {
                try {
                    publisher.publish(doc.patientId, event);
                } catch (RuntimeException e) {
                    LOG.warnf("case event %s not yet published, will retry: %s", event.eventId, e.getMessage());
                    break;
                }
            }
        }
    }
}
