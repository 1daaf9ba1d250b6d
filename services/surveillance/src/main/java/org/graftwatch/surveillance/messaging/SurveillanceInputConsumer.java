package org.graftwatch.surveillance.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.graftwatch.detector.BatchRetry;
import org.graftwatch.detector.KafkaBatches;
import org.graftwatch.surveillance.SurveillanceMonitor;

/**
 * Consumes {@code tx.observations.v1} and {@code tx.case-events.v1} on one batch channel. The batch is
 * acknowledged (offsets committed) only after the findings were acknowledged and the states written.
 */
@ApplicationScoped
public class SurveillanceInputConsumer {

    @Inject
    SurveillanceMonitor monitor;

    @Inject
    @Channel("findings")
    MutinyEmitter<String> findings;

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> deadLetters;

    @Incoming("surveillance-inputs")
    @Blocking
    public void consume(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = KafkaBatches.inPollOrder(batch);
        // a store or broker outage holds the batch (and its partitions) until it passes, rather than failing the channel
        BatchRetry.throughOutages("surveillance-inputs", () -> monitor.process(records).publishThenStore(findings, deadLetters, monitor::store));
    }
}
