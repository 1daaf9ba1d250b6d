package org.graftwatch.ingest.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.graftwatch.detector.KafkaBatches;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.ObservationTranslator;

/**
 * Consumes {@code ward.labs.v1} and {@code ward.vitals.v1} in batches. Each record becomes canonical
 * observations on {@code tx.observations.v1} or a dead letter on {@code ward.dlq.v1}; the batch is acknowledged
 * (offsets committed) only after the broker acknowledged every record produced for it.
 */
@ApplicationScoped
public class WardRecordConsumer {
    static final String SERVICE = "ingest";

    @Inject
    ObservationTranslator translator;

    @Inject
    ObservationPublisher publisher;

    @Incoming("ward-records")
    @Blocking
    public void consume(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = KafkaBatches.inPollOrder(batch);
        List<ObservationEvent> accepted = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Intake intake = translator.translate(record.value(), record.topic());
            if (intake.isAccepted()) {
                accepted.addAll(intake.accepted());
            } else {
                rejected.add(new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        record.value() == null ? "" : record.value(), intake.problems(), Instant.now(), SERVICE));
            }
        }
        publisher.publishAndAwait(accepted, rejected);
    }
}
