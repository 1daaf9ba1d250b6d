package org.graftwatch.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.junit.jupiter.api.Test;

/** A record a rule cannot handle is set aside with the reason; a store or broker failure fails the batch. */
class DetectorBatchTest {
    private static final Instant NOW = Instant.parse("2025-03-20T08:00:00Z");
    private final Map<String, List<Double>> store = new HashMap<>();
    private long offset;

    /** A detector's state that keeps the values and the findings of other detectors it was given. */
    static final class Values extends PatientStateDocument {
        final List<Double> values = new ArrayList<>();
        final List<String> concluded = new ArrayList<>();

        Values(String patientId, List<Double> stored) {
            this.patientId = patientId;
            values.addAll(stored);
        }

        @Override
        public boolean apply(ObservationEvent event) {
            return values.add(event.value());
        }

        @Override
        public boolean apply(Finding finding) {
            return concluded.add(finding.episodeId());
        }
    }

    /** A rule that cannot handle a negative value: it throws, as a rule meeting an unforeseen input would. */
    private static final BiFunction<Values, Instant, List<Finding>> RULE = (state, now) -> {
        if (state.values.stream().anyMatch(v -> v < 0)) {
            throw new IllegalArgumentException("a count cannot be negative");
        }
        return List.of(new Finding(state.patientId + "-count", state.patientId, null, AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO,
                Finding.State.ACTIVE, NOW, null, new RuleRef("count", "1"), state.values.size() + " values " + state.concluded,
                List.of(), null, now, "test"));
    };

    private ConsumerRecord<String, String> observation(String patientId, double value) {
        String id = "obs-" + offset;
        return new ConsumerRecord<>(Topics.OBSERVATIONS, 0, offset++, patientId, EventJson.write(new ObservationEvent(
                ObservationEvent.eventIdFor("lab", id, String.valueOf(value)), ObservationEvent.Type.RESULT, patientId, id, "lab", "final",
                Analyte.ANC, Analyte.ANC.code(), NOW, value, "10*9/L", null, null, null, NOW)));
    }

    private DetectorBatch<Values> run(List<ConsumerRecord<String, String>> records, BiFunction<Values, Instant, List<Finding>> rule) {
        return DetectorBatch.assess(records, "test", NOW, this::load, id -> new Values(id, List.of()), rule);
    }

    private Map<String, Values> load(Set<String> patientIds) {
        Map<String, Values> loaded = new HashMap<>();
        patientIds.stream().filter(store::containsKey).forEach(id -> loaded.put(id, new Values(id, store.get(id))));
        return loaded;
    }

    private static List<String> summaries(DetectorBatch<Values> batch) {
        return batch.findings().stream().map(r -> r.key() + ": " + EventJson.read(r.value(), Finding.class).summary()).toList();
    }

    @Test
    void aRecordTheRuleCannotHandleIsADeadLetterAndEverythingElseTakesEffect() {
        store.put("P-1", List.of(0.2));
        ConsumerRecord<String, String> poison = observation("P-1", -1);
        DetectorBatch<Values> batch = run(List.of(observation("P-1", 0.4), poison, observation("P-2", 0.6), observation("P-1", 0.7)), RULE);

        assertThat(batch.deadLetters()).singleElement().satisfies(letter -> {
            DeadLetter dead = EventJson.read(letter.value(), DeadLetter.class);
            assertThat(dead.offset()).isEqualTo(poison.offset());
            assertThat(dead.payload()).isEqualTo(poison.value());
            assertThat(dead.problems().get(0).message()).contains("IllegalArgumentException", "a count cannot be negative");
            assertThat(dead.rejectedBy()).isEqualTo("test");
        });
        assertThat(summaries(batch)).containsExactlyInAnyOrder("P-1: 3 values []", "P-2: 1 values []");
    }

    @Test
    void aPatientWhoseEveryInputFailsChangesNothing() {
        DetectorBatch<Values> batch = run(List.of(observation("P-1", -1), observation("P-1", -2)), RULE);
        assertThat(batch.deadLetters()).hasSize(2);
        assertThat(batch.findings()).isEmpty();
    }

    @Test
    void aFindingOnTheFindingsTopicReachesTheStateAndAMalformedOneIsADeadLetter() {
        Finding other = new Finding("ep-9", "P-1", null, AlertKind.CHIMERISM_DECLINE, Severity.WARNING, Finding.State.ACTIVE, NOW, null,
                new RuleRef("chimerism-decline", "1"), "declining", List.of(), null, NOW, "graft-monitor");
        DetectorBatch<Values> batch = run(List.of(new ConsumerRecord<>(Topics.FINDINGS, 0, offset++, "P-1", EventJson.write(other)),
                new ConsumerRecord<>(Topics.FINDINGS, 0, offset++, "P-1", "{\"patientId\":\"P-1\",\"kind\":\"RELAPSE\"}")), RULE);
        assertThat(summaries(batch)).containsExactly("P-1: 0 values [ep-9]");
        assertThat(batch.deadLetters()).singleElement().extracting(l -> EventJson.read(l.value(), DeadLetter.class).problems().get(0).message())
                .asString().contains("episodeId, kind, state and detector are required");
    }

    @Test
    void aStoreOrBrokerFailureFailsTheBatchInsteadOfSettingRecordsAside() {
        BiFunction<Values, Instant, List<Finding>> storeDown = (state, now) -> {
            throw new MongoSocketReadException("connection reset", new ServerAddress("127.0.0.1", 27018));
        };
        assertThatThrownBy(() -> run(List.of(observation("P-1", 0.4)), storeDown)).isInstanceOf(MongoSocketReadException.class);

        // the rule fails on the record, then the store fails while the patient is evaluated one input at a time
        store.put("P-1", List.of(0.2));
        int[] loads = {0};
        assertThatThrownBy(() -> DetectorBatch.assess(List.of(observation("P-1", -1)), "test", NOW, ids -> {
            if (loads[0]++ > 0) {
                throw new MongoTimeoutException("store unreachable");
            }
            return load(ids);
        }, id -> new Values(id, List.of()), RULE)).isInstanceOf(MongoTimeoutException.class);
    }

    @Test
    void malformedJsonIsTheRecordsFaultNotTheStores() {
        assertThat(DetectorBatch.transientFailure(new EventJson.MalformedEventException("Finding: unexpected end",
                new com.fasterxml.jackson.core.JsonParseException(null, "unexpected end")))).isFalse();
        assertThat(DetectorBatch.transientFailure(new IllegalStateException("wrapped",
                new MongoSocketReadException("reset", new ServerAddress())))).isTrue();
        assertThat(DetectorBatch.transientFailure(new NullPointerException())).isFalse();
    }
}
