package org.graftwatch.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.alerts.domain.AlertLifecycle;
import org.graftwatch.alerts.persistence.AlertRepository;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.jboss.logging.Logger;

/**
 * Turns a batch of findings into alert state changes. The caller publishes the changes, then stores the alerts:
 * a crash in between re-publishes the same revision on redelivery, never a second alert.
 */
@ApplicationScoped
public class AlertDesk {
    private static final Logger LOG = Logger.getLogger(AlertDesk.class);

    @Inject
    AlertRepository repository;

    Clock clock = Clock.systemUTC();

    /** @param changes alert state changes in order; {@code latest} the alerts to store; {@code deadLetters} unreadable records */
    public record BatchOutcome(List<AlertEvent> changes, Map<String, AlertEvent> latest, List<DeadLetter> deadLetters) {
    }

    public BatchOutcome process(List<ConsumerRecord<String, String>> records) {
        List<Finding> findings = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (ConsumerRecord<String, String> record : records) {
            try {
                findings.add(EventJson.read(record.value(), Finding.class));
            } catch (RuntimeException e) {
                LOG.warnf("unreadable finding at %s-%d@%d sent to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                deadLetters.add(new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        String.valueOf(record.value()), List.of(new DeadLetter.Problem(null, String.valueOf(e.getMessage()))), now, "alerts"));
            }
        }
        Map<String, AlertEvent> alerts = new LinkedHashMap<>(findings.isEmpty() ? Map.of()
                : repository.load(findings.stream().map(Finding::episodeId).distinct().toList()));
        List<AlertEvent> changes = new ArrayList<>();
        Map<String, AlertEvent> latest = new LinkedHashMap<>();
        for (Finding finding : findings) {
            AlertLifecycle.apply(alerts.get(finding.episodeId()), finding, now).ifPresent(change -> {
                alerts.put(change.alertId(), change);
                latest.put(change.alertId(), change);
                changes.add(change);
            });
        }
        return new BatchOutcome(changes, latest, deadLetters);
    }

    public void commit(BatchOutcome outcome) {
        repository.saveAll(outcome.latest().values());
    }
}
