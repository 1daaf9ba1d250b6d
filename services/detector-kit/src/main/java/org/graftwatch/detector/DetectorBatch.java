package org.graftwatch.detector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.MongoException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.graftwatch.contract.Finding;

/**
 * The loop every detector runs on a batch of {@code tx.observations.v1} and {@code tx.case-events.v1}: read the
 * records by patient, load those patients' states in one query, apply the inputs in order, re-assess each patient
 * that changed from its whole history, and keep the findings whose content changed. Then, in this order: dead
 * letters and findings are published and acknowledged, the states are stored, and only then may the caller let
 * the offsets be committed. A crash anywhere re-runs the batch, which re-publishes nothing new.
 * <p>
 * A record whose input a rule cannot handle (it throws, e.g. an IllegalArgumentException or a missing value) must not
 * stop the channel for ever: when a patient's evaluation fails, the patient is evaluated again from its stored state
 * one input at a time, the inputs that fail go to the dead-letter topic with the reason, and the others take effect.
 * A failure of the store or the broker (transient: the same record would succeed later) is not set aside: it fails
 * the batch, which is then consumed again without anything skipped.
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
        List<OutgoingRecord> deadLetters = new ArrayList<>(inputs.deadLetters());
        List<S> changed = new ArrayList<>();
        for (var entry : inputs.byPatient().entrySet()) {
            String patientId = entry.getKey();
            S state = states.containsKey(patientId) ? states.get(patientId) : create.apply(patientId);
            Evaluated<S> evaluated;
            try {
                evaluated = new Evaluated<>(state, evaluate(state, entry.getValue(), now, assess));
            } catch (RuntimeException e) {
                if (transientFailure(e)) {
                    throw e;
                }
                evaluated = oneAtATime(patientId, entry.getValue(), detector, now, load, create, assess, deadLetters);
            }
            if (evaluated.published().isPresent()) {
                // a finding continues the trace of the patient's latest input (RecordTrace)
                evaluated.published().get().forEach(f -> findings.add(new OutgoingRecord(patientId, f, inputs.traceparentOf(patientId))));
                changed.add(evaluated.state());
            }
        }
        return new DetectorBatch<>(findings, deadLetters, changed);
    }

    /** A patient's state after its inputs, and the findings to publish (empty: nothing changed, nothing to store). */
    private record Evaluated<S>(S state, Optional<List<String>> published) {
    }

    /**
     * The patient evaluated again from its stored state, one input more each time: an input whose evaluation fails is
     * set aside as a dead letter with the reason, the others take effect.
     */
    private static <S extends PatientState> Evaluated<S> oneAtATime(String patientId, List<PatientInputs.Input> inputs, String detector,
                                                                   Instant now, Function<Set<String>, Map<String, S>> load,
                                                                   Function<String, S> create,
                                                                   BiFunction<S, Instant, List<Finding>> assess,
                                                                   List<OutgoingRecord> deadLetters) {
        Evaluated<S> evaluated = new Evaluated<>(null, Optional.empty());
        List<PatientInputs.Input> accepted = new ArrayList<>();
        for (PatientInputs.Input input : inputs) {
            List<PatientInputs.Input> trial = new ArrayList<>(accepted);
            trial.add(input);
            Map<String, S> stored = load.apply(Set.of(patientId));
            S fresh = stored.containsKey(patientId) ? stored.get(patientId) : create.apply(patientId);
            try {
                evaluated = new Evaluated<>(fresh, evaluate(fresh, trial, now, assess));
                accepted = trial;
            } catch (RuntimeException failed) {
                if (transientFailure(failed)) {
                    throw failed;
                }
                deadLetters.add(PatientInputs.deadLetter(input.record(), "could not be applied: " + failed, "evaluation-failed",
                        detector, now));
            }
        }
        return evaluated;
    }

    /**
     * Applies a patient's inputs in order and, if anything changed, re-assesses the patient: the findings to publish
     * (possibly none), or empty when nothing changed and nothing needs storing.
     */
    private static <S extends PatientState> Optional<List<String>> evaluate(S state, List<PatientInputs.Input> inputs, Instant now,
                                                                          BiFunction<S, Instant, List<Finding>> assess) {
        boolean dirty = false;
        for (PatientInputs.Input input : inputs) {
            if (input instanceof PatientInputs.Observed o) {
                dirty |= state.apply(o.event());
            } else if (input instanceof PatientInputs.CaseChanged c) {
                dirty |= state.knownCase().apply(c.event());
            } else {
                dirty |= state.apply(((PatientInputs.Concluded) input).finding());
            }
        }
        if (!dirty) {
            return Optional.empty();
        }
        List<String> published = EpisodeLedger.reconcile(state.published(), assess.apply(state, now), now);
        state.touch(now);
        return Optional.of(published);
    }

    /**
     * Whether a failure lies in the store or the broker (or the I/O under them), so that the same record would succeed
     * later; anything else is the record's. A malformed JSON document is the record's, though its parser's exception is
     * an IOException.
     */
    static boolean transientFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoException || t instanceof KafkaException || t instanceof TimeoutException
                    || t instanceof InterruptedException || t instanceof UncheckedIOException
                    || (t instanceof IOException && !(t instanceof JsonProcessingException))) {
                return true;
            }
        }
        return false;
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
