package org.graftwatch.simulator.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.simulator.CaseRegistryClient;
import org.graftwatch.simulator.FhirObservations;
import org.graftwatch.simulator.ReplayException;
import org.graftwatch.simulator.Scenario;
import org.graftwatch.simulator.ScenarioObservation;

/**
 * Offers a synthetic cohort to the platform through its public interfaces, the way a hospital's feed arrives:
 * day by day, every patient's results of that day in turn, at a target rate or as fast as the broker takes them.
 * A configurable share of records is malformed (broken JSON, unknown code, impossible unit or value, no clinical
 * time), deterministically from the seed, so the dead-letter count is known in advance too.
 */
public final class LoadGenerator {
    /** What was offered, and the alerts the planted episodes must raise. */
    public record Report(long observations, long malformed, Duration elapsed, Map<AlertKind, Integer> plantedAlerts) {
        public double perSecond() {
            return elapsed.isZero() ? 0 : (observations + malformed) * 1000.0 / elapsed.toMillis();
        }
    }

    private final SyntheticCohort cohort;
    private final Producer<String, String> producer;
    private final double malformedShare;
    private final double targetRate;
    private final List<Scenario> headers = new ArrayList<>();

    /** @param targetRate records per second, or 0 for as fast as possible */
    public LoadGenerator(SyntheticCohort cohort, Producer<String, String> producer, double malformedShare, double targetRate) {
        if (malformedShare < 0 || malformedShare > 1 || targetRate < 0) {
            throw new IllegalArgumentException("malformedShare within 0..1 and a non-negative rate");
        }
        this.cohort = cohort;
        this.producer = producer;
        this.malformedShare = malformedShare;
        this.targetRate = targetRate;
        for (int i = 0; i < cohort.settings().patients(); i++) {
            headers.add(cohort.header(i));
        }
    }

    /** Registers every patient and transplant with the case registry (already registered ones are fine). */
    public void register(CaseRegistryClient registry) {
        for (Scenario header : headers) {
            registry.registerPatient(header.patient());
            header.events().forEach(event -> registry.recordTreatment(header.patientId(), event));
        }
    }

    public Report publish() {
        Random malformed = new Random(cohort.settings().seed() ^ 0x5DEECE66DL);
        long started = System.nanoTime();
        long observations = 0;
        long rejected = 0;
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        for (int day = 0; day < cohort.settings().days(); day++) {
            for (int patient = 0; patient < headers.size(); patient++) {
                Scenario header = headers.get(patient);
                for (ScenarioObservation o : cohort.day(patient, day)) {
                    String json = FhirObservations.json(header, o);
                    if (malformed.nextDouble() < malformedShare) {
                        json = MalformedRecords.corrupt(json, malformed);
                        rejected++;
                    } else {
                        observations++;
                    }
                    pending.add(producer.send(new ProducerRecord<>(o.topic(), header.patientId(), json)));
                    pace(started, observations + rejected);
                }
            }
            awaitAll(pending);
        }
        producer.flush();
        awaitAll(pending);
        Map<AlertKind, Integer> planted = new EnumMap<>(AlertKind.class);
        headers.forEach(h -> h.expectedAlerts().forEach(a -> planted.merge(a.kind(), 1, Integer::sum)));
        return new Report(observations, rejected, Duration.ofNanos(System.nanoTime() - started), planted);
    }

    private void pace(long started, long sent) {
        if (targetRate <= 0) {
            return;
        }
        long due = started + (long) (sent * 1_000_000_000L / targetRate);
        long ahead = due - System.nanoTime();
        if (ahead > 1_000_000) {
            try {
                Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted while offering load", e);
            }
        }
    }

    private static void awaitAll(List<Future<RecordMetadata>> pending) {
        try {
            for (Future<RecordMetadata> send : pending) {
                send.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ReplayException("a load record was not accepted: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("interrupted while offering load", e);
        }
        pending.clear();
    }

    public List<Scenario> patients() {
        return headers;
    }
}
