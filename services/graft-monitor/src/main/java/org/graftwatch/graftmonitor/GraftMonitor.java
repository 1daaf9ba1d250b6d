package org.graftwatch.graftmonitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.detector.EpisodeLedger;
import org.graftwatch.detector.OutgoingRecord;
import org.graftwatch.detector.PatientInputs;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.graftmonitor.config.GraftCriteriaConfig;
import org.graftwatch.graftmonitor.domain.CountSample;
import org.graftwatch.graftmonitor.domain.GraftAssessment;
import org.graftwatch.graftmonitor.domain.GraftEpisode;
import org.graftwatch.graftmonitor.persistence.PatientGraftState;
import org.graftwatch.graftmonitor.persistence.PatientGraftStateRepository;

/**
 * Applies a batch of observations and case events to the patients' state, re-assesses every patient the batch
 * changed, and works out which findings changed since they were last published. Publishing and storing are the
 * caller's next steps, in that order: a crash in between re-publishes the same findings, which the alerts
 * service recognises by episode id.
 */
@ApplicationScoped
public class GraftMonitor {
    static final String DETECTOR = "graft-monitor";
    /** Bound on stored samples per series: about two years of daily counts. */
    static final int MAX_SAMPLES = 800;

    @Inject
    PatientGraftStateRepository repository;

    @Inject
    GraftCriteriaConfig criteria;

    Clock clock = Clock.systemUTC();

    /** What a batch produced: records to publish, then states to store once those are acknowledged. */
    public record BatchOutcome(List<OutgoingRecord> findings, List<OutgoingRecord> deadLetters,
                               Collection<PatientGraftState> changedStates) {
    }

    public BatchOutcome process(List<ConsumerRecord<String, String>> records) {
        Instant now = Instant.now(clock);
        PatientInputs inputs = PatientInputs.read(records, DETECTOR, now);
        Map<String, PatientGraftState> states = inputs.byPatient().isEmpty() ? Map.of() : repository.load(inputs.byPatient().keySet());
        GraftAssessment assessment = new GraftAssessment(criteria.neutrophil().criteria());
        List<OutgoingRecord> findings = new ArrayList<>();
        List<PatientGraftState> changed = new ArrayList<>();
        for (var entry : inputs.byPatient().entrySet()) {
            PatientGraftState state = states.getOrDefault(entry.getKey(), newState(entry.getKey()));
            boolean dirty = false;
            for (PatientInputs.Input input : entry.getValue()) {
                dirty |= input instanceof PatientInputs.Observed o ? apply(state, o.event())
                        : state.knownCase.apply(((PatientInputs.CaseChanged) input).event());
            }
            if (!dirty) {
                continue;
            }
            List<Finding> current = assessment.assess(state.knownCase.transplants(), state.anc.stream().map(p -> new CountSample(p.observationId, p.at, p.value)).toList())
                    .stream().map(episode -> toFinding(state, episode, now)).toList();
            EpisodeLedger.reconcile(state.published, current, now).forEach(f -> findings.add(new OutgoingRecord(state.patientId, f)));
            state.updatedAt = now;
            changed.add(state);
        }
        return new BatchOutcome(findings, inputs.deadLetters(), changed);
    }

    /** Stores the states of a batch whose findings the broker has acknowledged. */
    public void commit(BatchOutcome outcome) {
        repository.saveAll(outcome.changedStates());
    }

    private static PatientGraftState newState(String patientId) {
        PatientGraftState state = new PatientGraftState();
        state.patientId = patientId;
        return state;
    }

    private static Finding toFinding(PatientGraftState state, GraftEpisode episode, Instant now) {
        return new Finding(Finding.episodeIdFor(state.patientId, episode.rule().id(), episode.anchor()), state.patientId,
                state.knownCase.caseId, episode.kind(), episode.severity(), Finding.State.ACTIVE, episode.onsetAt(),
                episode.dayPostTransplant(), episode.rule(), episode.summary(), episode.evidence(), null, now, DETECTOR);
    }

    private static boolean apply(PatientGraftState state, ObservationEvent event) {
        return event.analyte() == Analyte.ANC && SeriesPoint.apply(state.anc, event, MAX_SAMPLES);
    }
}
