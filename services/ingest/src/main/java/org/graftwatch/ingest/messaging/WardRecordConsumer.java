package org.graftwatch.ingest.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.detector.KafkaBatches;
import org.graftwatch.detector.RecordCounts;
import org.graftwatch.detector.RecordTrace;
import org.graftwatch.ingest.domain.Reason;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.ObservationTranslator;
import org.graftwatch.ingest.hl7.OruTranslator;

/**
 * Consumes {@code ward.labs.v1}, {@code ward.vitals.v1} (FHIR R4 JSON) and {@code ward.hl7v2.v1} (HL7 v2.5.1
 * ORU^R01) in batches. Each record becomes canonical observations on {@code tx.observations.v1} or a dead letter on
 * {@code ward.dlq.v1}; the batch is acknowledged (offsets committed) only after the broker acknowledged every
 * record produced for it.
 */
@ApplicationScoped
public class WardRecordConsumer {
    static final String SERVICE = "ingest";

    @Inject
    ObservationTranslator translator;

    @Inject
    OruTranslator oru;

    @Inject
    ObservationPublisher publisher;

    @Inject
    IntakeMetrics metrics;

    @Incoming("ward-records")
    @Blocking
    public void consume(ConsumerRecords<String, String> batch) {
        List<ConsumerRecord<String, String>> records = KafkaBatches.inPollOrder(batch);
        List<ObservationEvent> accepted = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        // what each event or dead letter continues: the trace of its ward record (by identity, events may be equal)
        Map<Object, String> traceparents = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            Intake intake = Topics.WARD_HL7V2.equals(record.topic())
                    ? oru.translate(record.value(), record.topic())
                    : translator.translate(record.value(), record.topic());
            String traceparent = RecordTrace.of(record);
            if (intake.isAccepted()) {
                accepted.addAll(intake.accepted());
                intake.accepted().forEach(e -> traceparents.put(e, traceparent));
                RecordCounts.processed(SERVICE, record.topic());
            } else {
                metrics.rejected(intake.reasons());
                DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        record.value() == null ? "" : record.value(), intake.problems(), Instant.now(), SERVICE);
                rejected.add(letter);
                traceparents.put(letter, traceparent);
                // a record counts once, under its first reason in the order Reason declares them
                RecordCounts.rejected(SERVICE, record.topic(),
                        intake.reasons().stream().min(Comparator.naturalOrder()).map(Reason::tag).orElse("invalid"));
            }
        }
        publisher.publishAndAwait(accepted, rejected, traceparents);
    }
}
