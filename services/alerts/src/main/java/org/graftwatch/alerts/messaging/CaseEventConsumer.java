package org.graftwatch.alerts.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.graftwatch.alerts.persistence.PatientWards;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.detector.BatchRetry;
import org.graftwatch.detector.KeyedSends;
import org.graftwatch.detector.OutgoingRecord;
import org.graftwatch.detector.RecordCounts;
import org.graftwatch.detector.RecordTrace;
import org.jboss.logging.Logger;

/** Learns each patient's ward from {@code tx.case-events.v1}, so clinicians can list the alerts of their ward. */
@ApplicationScoped
public class CaseEventConsumer {
    private static final Logger LOG = Logger.getLogger(CaseEventConsumer.class);

    @Inject
    PatientWards wards;

    @Inject
    Clock clock;

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> deadLetters;

    @Incoming("case-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        // a store or broker outage holds the record (and its partition) until it passes, rather than failing the channel
        BatchRetry.throughOutages("case-events", () -> recordWard(record));
    }

    private void recordWard(ConsumerRecord<String, String> record) {
        CaseEvent event;
        try {
            event = EventJson.read(record.value(), CaseEvent.class);
            if (event.patientId() == null || event.snapshot() == null || event.snapshot().patient() == null) {
                throw new IllegalArgumentException("a case event needs patientId and snapshot.patient");
            }
        } catch (RuntimeException e) {
            RecordCounts.rejected("alerts", record.topic(), "unreadable");
            LOG.warnf("unreadable case event at %s-%d@%d sent to the dead-letter topic: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                    String.valueOf(record.value()), List.of(new DeadLetter.Problem(null, String.valueOf(e.getMessage()))),
                    Instant.now(clock), "alerts");
            KeyedSends.sendAndAwait(deadLetters, List.of(new OutgoingRecord(letter.key(), EventJson.write(letter), RecordTrace.of(record))));
            return;
        }
        RecordCounts.processed("alerts", record.topic());
        wards.update(event.patientId(), event.snapshot().patient().ward(), event.version());
    }
}
