package org.graftwatch.graftmonitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.Finding;
import org.graftwatch.detector.DetectorBatch;
import org.graftwatch.detector.RuleTiming;
import org.graftwatch.graftmonitor.config.GraftCriteriaConfig;
import org.graftwatch.graftmonitor.domain.GraftAssessment;
import org.graftwatch.graftmonitor.domain.GraftEpisode;
import org.graftwatch.graftmonitor.persistence.DominanceRecord;
import org.graftwatch.graftmonitor.persistence.PatientGraftState;
import org.graftwatch.graftmonitor.persistence.PatientGraftStateRepository;

/** Assesses a batch of inputs with the graft rules; see {@link DetectorBatch} for the order of effects. */
@ApplicationScoped
public class GraftMonitor {
    static final String DETECTOR = "graft-monitor";

    @Inject
    PatientGraftStateRepository repository;

    @Inject
    GraftCriteriaConfig criteria;

    Clock clock = Clock.systemUTC();

    public DetectorBatch<PatientGraftState> process(List<ConsumerRecord<String, String>> records) {
        GraftAssessment assessment = new GraftAssessment(criteria.criteria());
        return DetectorBatch.assess(records, DETECTOR, Instant.now(clock), repository::load, PatientGraftState::new,
                (state, now) -> {
                    // every graft rule is decided in one pass over the history: timed as one evaluation
                    GraftAssessment.GraftReport report = RuleTiming.time(DETECTOR, "graft-assessment",
                            () -> assessment.assess(state.history(criteria.platelet().senderIdle())));
                    state.dominance = report.transplants().stream()
                            .flatMap(t -> t.dominance().stream().map(d -> new DominanceRecord(t.dayZero().toString(), d)))
                            .collect(Collectors.toCollection(ArrayList::new));
                    return report.episodes().stream().map(episode -> toFinding(state, episode, now)).toList();
                });
    }

    public void store(Collection<PatientGraftState> states) {
        repository.saveAll(states);
    }

    private static Finding toFinding(PatientGraftState state, GraftEpisode episode, Instant now) {
        String supersedes = episode.supersedesAnchor() == null ? null
                : Finding.episodeIdFor(state.patientId, episode.rule().id(), episode.supersedesAnchor());
        return new Finding(Finding.episodeIdFor(state.patientId, episode.rule().id(), episode.anchor()), state.patientId,
                state.knownCase.caseId, episode.kind(), episode.severity(), episode.ended() ? Finding.State.ENDED : Finding.State.ACTIVE,
                episode.onsetAt(),
                episode.dayPostTransplant(), episode.rule(), episode.summary(), episode.evidence(), supersedes, now, DETECTOR);
    }
}
