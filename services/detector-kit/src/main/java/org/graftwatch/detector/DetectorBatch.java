package org.graftwatch.detector;

import io.smallrye.reactive.messaging.MutinyEmitter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.Finding;

/**
 * The loop every detector runs on a batch of {@code tx.observations.v1} and {@code tx.case-events.v1}: read the
 * records by patient, load those patients' states in one query, apply the inputs in order, re-assess each patient
 * that changed from its whole history, and keep the findings whose content changed. Then, in this order: dead
 * letters and findings are published and acknowledged, the states are stored, and only then may the caller let
 * the offsets be committed. A crash anywhere re-runs the batch, which re-publishes nothing new.
 *
 * @param <S> the detector's per-patient state
 */
public final class DetectorBatch<S extends PatientState> {
    private final List<OutgoingRecord> findings;
    private final List<OutgoingRecord> deadLetters;
    private final Collection<S> changed;

    private DetectorBatch(List<OutgoingRecord> findings, List<OutgoingRecord> deadLetters, Collection<S> changed) {
        this.findings = findings;
        this.deadLetters = deadLetters;
        this.changed = changed;
    }

    /**
     * @param load   states of the given patients that exist (one query)
     * @param create a fresh state for a patient seen for the first time
     * @param assess the episodes that hold for a patient now, as findings in state ACTIVE or ENDED
     */
    public static <S extends PatientState> DetectorBatch<S> assess(List<ConsumerRecord<String, String>> records, String detector,
                                                                   Instant now, Function<Set<String>, Map<String, S>> load,
                                                                   Function<String, S> create,
                                                                   BiFunction<S, Instant, List<Finding>> assess) {
        PatientInputs inputs = PatientInputs.read(records, detector, now);
        Map<String, S> states = inputs.byPatient().isEmpty() ? Map.of() : load.apply(inputs.byPatient().keySet());
        List<OutgoingRecord> findings = new ArrayList<>();
        List<S> changed = new ArrayList<>();
        for (var entry : inputs.byPatient().entrySet()) {
            S state = states.containsKey(entry.getKey()) ? states.get(entry.getKey()) : create.apply(entry.getKey());
            boolean dirty = false;
            for (PatientInputs.Input input : entry.getValue()) {
                dirty |= input instanceof PatientInputs.Observed o ? state.apply(o.event())
                        : state.knownCase().apply(((PatientInputs.CaseChanged) input).event());
            }
            if (dirty) {
                EpisodeLedger.reconcile(state.published(), assess.apply(state, now), now)
                        // a finding continues the trace of the patient's latest input (RecordTrace)
                        .forEach(f -> findings.add(new OutgoingRecord(state.patientId(), f, inputs.traceparentOf(state.patientId()))));
                state.touch(now);
                changed.add(state);
            }
        }
        return new DetectorBatch<>(findings, inputs.deadLetters(), changed);
    }

    /** Publishes dead letters and findings, waits for the broker's acknowledgements, then stores the states. */
    public void publishThenStore(MutinyEmitter<String> findingEmitter, MutinyEmitter<String> deadLetterEmitter,
                                 Consumer<Collection<S>> store) {
        KeyedSends.sendAndAwait(deadLetterEmitter, deadLetters);
        KeyedSends.sendAndAwait(findingEmitter, findings);
        store.accept(changed);
    }

    public List<OutgoingRecord> findings() {
        return findings;
    }

    public List<OutgoingRecord> deadLetters() {
        return deadLetters;
    }
}
