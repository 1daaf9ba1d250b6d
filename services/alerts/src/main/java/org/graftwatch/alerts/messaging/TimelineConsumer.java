package org.graftwatch.alerts.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.graftwatch.alerts.config.AlertsConfig;
import org.graftwatch.alerts.persistence.PatientTimelineDocument;
import org.graftwatch.alerts.persistence.PatientTimelines;
import org.graftwatch.detector.BatchRetry;
import org.graftwatch.detector.KafkaBatches;
import org.graftwatch.detector.KeyedSends;

/**
 * Projects observations, case events and GVHD findings into each patient's timeline, a batch at a time: the patients'
 * timelines are read in one query, changed in memory and written back in one bulk write; dead letters are acknowledged
 * by the broker first, and the batch's offsets are committed only after the write (the method returned).
 */
@ApplicationScoped
public class TimelineConsumer {

    @Inject
    PatientTimelines timelines;

    @Inject
    AlertsConfig config;

    @Inject
    Clock clock;

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> deadLetters;

    @Incoming("timeline-inputs")
    @Blocking
    public void consume(ConsumerRecords<String, String> batch) {
        // a store or broker outage holds the batch (and its partitions) until it passes, rather than failing the channel
        BatchRetry.throughOutages("timeline-inputs", () -> project(batch));
    }

    private void project(ConsumerRecords<String, String> batch) {
        Instant now = Instant.now(clock);
        TimelineInputs inputs = TimelineInputs.read(KafkaBatches.inPollOrder(batch), now);
        KeyedSends.sendAndAwait(deadLetters, inputs.deadLetters());
        if (inputs.byPatient().isEmpty()) {
            return;
        }
        int maxPoints = config.timeline().maxPointsPerSeries();
        Map<String, PatientTimelineDocument> stored = timelines.load(inputs.byPatient().keySet());
        List<PatientTimelineDocument> changed = new ArrayList<>();
        inputs.byPatient().forEach((patientId, patientInputs) -> {
            PatientTimelineDocument timeline = stored.computeIfAbsent(patientId, PatientTimelineDocument::new);
            boolean dirty = false;
            for (TimelineInputs.Input input : patientInputs) {
                dirty |= input.applyTo(timeline, maxPoints);
            }
            if (dirty) {
                timeline.updatedAt = now;
                changed.add(timeline);
            }
        });
        timelines.saveAll(changed);
    }
}
