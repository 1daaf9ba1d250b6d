package org.graftwatch.surveillance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Finding;
import org.graftwatch.detector.DetectorBatch;
import org.graftwatch.detector.RuleTiming;
import org.graftwatch.surveillance.config.SurveillanceCriteriaConfig;
import org.graftwatch.surveillance.domain.AcuteGvhd;
import org.graftwatch.surveillance.domain.Episode;
import org.graftwatch.surveillance.domain.FebrileNeutropenia;
import org.graftwatch.surveillance.domain.PatientSeries;
import org.graftwatch.surveillance.domain.Relapse;
import org.graftwatch.surveillance.domain.Sepsis;
import org.graftwatch.surveillance.domain.SepticShock;
import org.graftwatch.surveillance.persistence.PatientSurveillanceState;
import org.graftwatch.surveillance.persistence.PatientSurveillanceStateRepository;

/** Assesses a batch of inputs with the surveillance rules; see {@link DetectorBatch} for the order of effects. */
@ApplicationScoped
public class SurveillanceMonitor {
    public static final String DETECTOR = "surveillance";

    @Inject
    PatientSurveillanceStateRepository repository;

    @Inject
    SurveillanceCriteriaConfig criteria;

    Clock clock = Clock.systemUTC();

    public DetectorBatch<PatientSurveillanceState> process(List<ConsumerRecord<String, String>> records) {
        FebrileNeutropenia febrileNeutropenia = new FebrileNeutropenia(criteria.febrileNeutropenia().criteria());
        Sepsis sepsis = new Sepsis(criteria.sepsis().criteria());
        SepticShock septicShock = new SepticShock(criteria.septicShock().criteria(), criteria.sepsis().criteria());
        Relapse relapse = new Relapse(criteria.relapse().criteria());
        AcuteGvhd gvhd = new AcuteGvhd(criteria.gvhd().criteria(), criteria.gvhd().steroidCriteria());
        return DetectorBatch.assess(records, DETECTOR, Instant.now(clock), repository::load, PatientSurveillanceState::new,
                (state, now) -> {
                    PatientSeries series = state.patientSeries();
                    List<Episode> fn = RuleTiming.time(DETECTOR, FebrileNeutropenia.RULE.id(),
                            () -> febrileNeutropenia.episodes(series.of(Analyte.BODY_TEMPERATURE), series.of(Analyte.ANC)));
                    List<Episode> sepsisEpisodes = RuleTiming.time(DETECTOR, Sepsis.RULE.id(), () -> sepsis.evaluate(series, fn));
                    AcuteGvhd.Course course = RuleTiming.time(DETECTOR, "gvhd-magic",
                            () -> gvhd.evaluate(series, state.knownCase.transplants(), state.steroids()));
                    List<AcuteGvhd.GradeChange> changes = course.changes();
                    state.gvhdGrade = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).grade();
                    state.gvhdGradeSince = changes.isEmpty() ? null : changes.get(changes.size() - 1).at();
                    List<Episode> episodes = new ArrayList<>(fn);
                    episodes.addAll(sepsisEpisodes);
                    episodes.addAll(RuleTiming.time(DETECTOR, SepticShock.RULE.id(), () -> septicShock.evaluate(series, sepsisEpisodes, fn)));
                    episodes.addAll(RuleTiming.time(DETECTOR, "relapse", () -> relapse.evaluate(series, state.declines())));
                    episodes.addAll(course.episodes());
                    return episodes.stream().map(e -> toFinding(state, e, now)).toList();
                });
    }

    public void store(Collection<PatientSurveillanceState> states) {
        repository.saveAll(states);
    }

    private static Finding toFinding(PatientSurveillanceState state, Episode episode, Instant now) {
        return new Finding(episodeId(state, episode.key()), state.patientId, state.knownCase.caseId, episode.kind(), episode.severity(),
                episode.endedAt() == null ? Finding.State.ACTIVE : Finding.State.ENDED, episode.onsetAt(),
                state.knownCase.dayPostTransplant(LocalDate.ofInstant(episode.onsetAt(), ZoneOffset.UTC)), episode.rule(),
                episode.summary(), episode.evidence(), episode.supersedes() == null ? null : episodeId(state, episode.supersedes()),
                now, DETECTOR);
    }

    private static String episodeId(PatientSurveillanceState state, Episode.EpisodeKey key) {
        return Finding.episodeIdFor(state.patientId, key.rule().id(), key.anchor());
    }
}
