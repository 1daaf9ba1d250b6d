package org.graftwatch.alerts.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.graftwatch.alerts.AlertDesk;
import org.graftwatch.contract.EventJson;
import org.graftwatch.detector.BatchRetry;
import org.graftwatch.detector.KafkaBatches;
import org.graftwatch.detector.KeyedSends;
import org.graftwatch.detector.OutgoingRecord;

/**
 * Consumes {@code tx.findings.v1} in batches; the resulting alert changes are stored (with their outbox entries),
 * then delivered on {@code tx.alerts.v1}, before the batch is acknowledged (offsets committed).
 */
@ApplicationScoped
public class FindingConsumer {

    @Inject
    AlertDesk desk;

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> deadLetters;

    @Incoming("findings")
    @Blocking
    public void consume(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = KafkaBatches.inPollOrder(batch);
        // a store or broker outage holds the batch (and its partitions) until it passes, rather than failing the channel
        BatchRetry.throughOutages("findings", () -> {
            AlertDesk.BatchOutcome outcome = desk.process(records);
            KeyedSends.sendAndAwait(deadLetters, outcome.deadLetters().stream()
                    .map(d -> new OutgoingRecord(d.key(), EventJson.write(d))).toList());
            desk.deliver(outcome);
        });
    }
}
