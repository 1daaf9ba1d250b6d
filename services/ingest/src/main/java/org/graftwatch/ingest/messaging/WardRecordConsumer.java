package org.graftwatch.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import io.smallrye.reactive.messaging.kafka.transactions.TransactionalEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.detector.KafkaBatches;
import org.graftwatch.detector.RecordCounts;
import org.graftwatch.detector.RecordTrace;
import org.graftwatch.ingest.domain.Reason;
import org.graftwatch.ingest.fhir.Intake;
import org.graftwatch.ingest.fhir.ObservationTranslator;
import org.graftwatch.ingest.hl7.OruTranslator;
import org.graftwatch.ingest.persistence.ReceivedObservations;
import org.jboss.logging.Logger;

/**
 * Consumes {@code ward.labs.v1}, {@code ward.vitals.v1} (FHIR R4 JSON) and {@code ward.hl7v2.v1} (HL7 v2.5.1
 * ORU^R01) in batches, exactly once: each record becomes canonical observations on {@code tx.observations.v1} or a
 * dead letter on {@code ward.dlq.v1}, and a batch's observations, dead letters and consumed offsets are committed in
 * one Kafka transaction. A crash, a broker or a store outage before the commit aborts the transaction (its records
 * never become visible to read_committed consumers) and the batch is read again from the last committed offsets, so a
 * bad record is dead-lettered once however often its batch is interrupted. Which versions were published is
 * remembered in the store after the commit.
 */
@ApplicationScoped
public class WardRecordConsumer {
    static final String SERVICE = "ingest";
    static final String CHANNEL = "ward-records";
    private static final Logger LOG = Logger.getLogger(WardRecordConsumer.class);
    /** Before the batch is read again after a failure: the broker or the store may need a moment. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    @Inject
    ObservationTranslator translator;

    @Inject
    OruTranslator oru;

    @Inject
    ReceivedObservations received;

    @Inject
    ObservationPublisher publisher;

    @Inject
    IntakeMetrics metrics;

    @Inject
    @Channel("ward-intake")
    KafkaTransactions<String> intake;

    @Inject
    KafkaClientService kafka;

    /** A translated batch: what to publish in its transaction, and what to count and remember once it committed. */
    private record Translated(ReceivedObservations.Sorted sorted, List<DeadLetter> rejected, Map<Object, String> traceparents,
                              List<Runnable> counts) {
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<List<String>> batch) {
        return Uni.createFrom().deferred(() -> {
                    List<ConsumerRecord<String, String>> records = KafkaBatches.inPollOrder(polled(batch));
                    return intake.withTransaction(batch, emitter -> Uni.createFrom().item(() -> translate(records))
                            // parsing and the store read block: a worker thread, not the consumer's
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .invoke(translated -> send(translated, emitter)));
                })
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(this::committed)
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(failure -> readAgain(batch, failure));
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecords<String, String> polled(Message<List<String>> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .orElseThrow(() -> new IllegalStateException(CHANNEL + " must be a batch channel")).getRecords();
    }

    private Translated translate(List<ConsumerRecord<String, String>> records) {
        List<ObservationEvent> accepted = new ArrayList<>();
        List<DeadLetter> rejected = new ArrayList<>();
        // what each event or dead letter continues: the trace of its ward record (by identity, events may be equal)
        Map<Object, String> traceparents = new IdentityHashMap<>();
        List<Runnable> counts = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Intake intake = Topics.WARD_HL7V2.equals(record.topic())
                    ? oru.translate(record.value(), record.topic())
                    : translator.translate(record.value(), record.topic());
            String traceparent = RecordTrace.of(record);
            if (intake.isAccepted()) {
                accepted.addAll(intake.accepted());
                intake.accepted().forEach(e -> traceparents.put(e, traceparent));
                counts.add(() -> RecordCounts.processed(SERVICE, record.topic()));
            } else {
                DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(),
                        record.value() == null ? "" : record.value(), intake.problems(), Instant.now(), SERVICE);
                rejected.add(letter);
                traceparents.put(letter, traceparent);
                counts.add(() -> {
                    metrics.rejected(intake.reasons());
                    // a record counts once, under its first reason in the order Reason declares them
                    RecordCounts.rejected(SERVICE, record.topic(),
                            intake.reasons().stream().min(Comparator.naturalOrder()).map(Reason::tag).orElse("invalid"));
                });
            }
        }
        return new Translated(received.sort(accepted), rejected, traceparents, counts);
    }

    /** Dead letters, then the versions not published before, in batch order (one partition keeps a patient's order). */
    private static void send(Translated translated, TransactionalEmitter<String> emitter) {
        for (DeadLetter letter : translated.rejected()) {
            emitter.send(record(Topics.WARD_DLQ, letter.key(), EventJson.write(letter), translated.traceparents().get(letter)));
        }
        for (ObservationEvent event : translated.sorted().fresh()) {
            emitter.send(record(Topics.OBSERVATIONS, event.patientId(), EventJson.write(event), translated.traceparents().get(event)));
        }
    }

    private static Message<String> record(String topic, String key, String value, String traceparent) {
        return RecordTrace.continueTrace(Message.of(value).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build()), traceparent);
    }

    /** The transaction committed: remember the published versions (a crash before this only re-publishes) and count. */
    private void committed(Translated translated) {
        publisher.published(translated.sorted());
        translated.counts().forEach(Runnable::run);
    }

    /**
     * Nothing of the batch was committed (or only its memory of published versions failed): read it again from the
     * last committed offsets. The transaction's abort already rewound the consumer; a failure before the transaction
     * began did not, hence the rewind here, which is idempotent.
     */
    private Uni<Void> readAgain(Message<List<String>> batch, Throwable failure) {
        LOG.warnf("ward records not committed, reading them again from the last committed offsets: %s", failure.toString());
        return Uni.createFrom().voidItem()
                .onItem().delayIt().by(AFTER_FAILURE)
                .chain(() -> kafka.getConsumer(CHANNEL).resetToLastCommittedPositions())
                .chain(() -> Uni.createFrom().completionStage(batch.nack(failure)))
                .onFailure().invoke(e -> LOG.warnf("could not rewind %s: %s", CHANNEL, e.toString()))
                .onFailure().recoverWithNull();
    }
}
