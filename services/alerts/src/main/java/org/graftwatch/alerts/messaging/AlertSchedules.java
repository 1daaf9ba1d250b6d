package org.graftwatch.alerts.messaging;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.graftwatch.alerts.AlertDesk;
import org.jboss.logging.Logger;

/**
 * What happens with no record arriving: CRITICAL alerts left unacknowledged escalate on time, and changes whose
 * delivery was interrupted (broker down, process stopped after storing) are delivered.
 */
@ApplicationScoped
public class AlertSchedules {
    private static final Logger LOG = Logger.getLogger(AlertSchedules.class);

    @Inject
    AlertDesk desk;

    @Inject
    AlertDelivery delivery;

    @Scheduled(identity = "alert-escalation", every = "${graftwatch.alerts.escalation.check-every:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateOverdue() {
        desk.escalateOverdue();
    }

    @Scheduled(identity = "alert-outbox-relay", every = "${graftwatch.alerts.outbox.relay-every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayOutbox() {
        try {
            int delivered = delivery.deliver(null);
            if (delivered > 0) {
                LOG.infof("outbox relay delivered %d alert change(s)", delivered);
            }
        } catch (RuntimeException e) {
            LOG.warnf("alert changes not yet delivered, will retry: %s", e.getMessage());
        }
    }
}
