package org.graftwatch.surveillance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Severity;
import org.graftwatch.detector.EpisodeLedger;
import org.graftwatch.detector.OutgoingRecord;
import org.graftwatch.detector.PatientInputs;
import org.graftwatch.detector.SeriesPoint;
import org.graftwatch.surveillance.config.SurveillanceCriteriaConfig;
import org.graftwatch.surveillance.domain.FebrileNeutropenia;
import org.graftwatch.surveillance.domain.Reading;
import org.graftwatch.surveillance.persistence.PatientSurveillanceState;
import org.graftwatch.surveillance.persistence.PatientSurveillanceStateRepository;

/**
 * Applies a batch of observations and case events to the patients' state, re-assesses the patients it changed,
 * and works out which findings changed since last published. The caller publishes them, then stores the states.
 */
@ApplicationScoped
public class SurveillanceMonitor {
    static final String DETECTOR = "surveillance";
    /** Bound per series: vital signs every few hours for several months. */
    static final int MAX_POINTS = 1500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    PatientSurveillanceStateRepository repository;

    @Inject
    SurveillanceCriteriaConfig criteria;

    Clock clock = Clock.systemUTC();

    public record BatchOutcome(List<OutgoingRecord> findings, List<OutgoingRecord> deadLetters,
                               Collection<PatientSurveillanceState> changedStates) {
    }

    public BatchOutcome process(List<ConsumerRecord<String, String>> records) {
        Instant now = Instant.now(clock);
        PatientInputs inputs = PatientInputs.read(records, DETECTOR, now);
        Map<String, PatientSurveillanceState> states = inputs.byPatient().isEmpty() ? Map.of() : repository.load(inputs.byPatient().keySet());
        FebrileNeutropenia febrileNeutropenia = new FebrileNeutropenia(criteria.febrileNeutropenia().criteria());
        List<OutgoingRecord> findings = new ArrayList<>();
        List<PatientSurveillanceState> changed = new ArrayList<>();
        for (var entry : inputs.byPatient().entrySet()) {
            PatientSurveillanceState state = states.getOrDefault(entry.getKey(), newState(entry.getKey()));
            boolean dirty = false;
            for (PatientInputs.Input input : entry.getValue()) {
                dirty |= input instanceof PatientInputs.Observed o ? apply(state, o.event())
                        : state.knownCase.apply(((PatientInputs.CaseChanged) input).event());
            }
            if (!dirty) {
                continue;
            }
            List<Finding> current = febrileNeutropenia.evaluate(PatientSurveillanceState.readings(state.temperature),
                    PatientSurveillanceState.readings(state.anc)).stream().map(e -> toFinding(state, e, now)).toList();
            EpisodeLedger.reconcile(state.published, current, now).forEach(f -> findings.add(new OutgoingRecord(state.patientId, f)));
            state.updatedAt = now;
            changed.add(state);
        }
        return new BatchOutcome(findings, inputs.deadLetters(), changed);
    }

    public void commit(BatchOutcome outcome) {
        repository.saveAll(outcome.changedStates());
    }

    private static PatientSurveillanceState newState(String patientId) {
        PatientSurveillanceState state = new PatientSurveillanceState();
        state.patientId = patientId;
        return state;
    }

    private static boolean apply(PatientSurveillanceState state, ObservationEvent event) {
        if (event.analyte() == Analyte.BODY_TEMPERATURE) {
            return SeriesPoint.apply(state.temperature, event, MAX_POINTS);
        }
        if (event.analyte() == Analyte.ANC) {
            return SeriesPoint.apply(state.anc, event, MAX_POINTS);
        }
        return false;
    }

    private static Finding toFinding(PatientSurveillanceState state, FebrileNeutropenia.Episode episode, Instant now) {
        Reading onset = episode.onset();
        String fever = episode.fever().size() == 1 ? "temperature " + number(onset.value()) + " °C"
                : "temperature ≥ " + number(episode.fever().get(0).value()) + " °C sustained from "
                        + TIME.format(episode.fever().get(0).at());
        String summary = "Febrile neutropenia at " + TIME.format(onset.at()) + ": " + fever + " with ANC "
                + number(episode.anc().value()) + " ×10⁹/L; start empirical antibiotics within the hour";
        List<Evidence> evidence = Stream.concat(
                episode.fever().stream().map(r -> new Evidence(r.observationId(), Analyte.BODY_TEMPERATURE.code(), r.value(),
                        Analyte.BODY_TEMPERATURE.canonicalUnit(), r.at())),
                Stream.of(new Evidence(episode.anc().observationId(), Analyte.ANC.code(), episode.anc().value(),
                        Analyte.ANC.canonicalUnit(), episode.anc().at()))).toList();
        return new Finding(Finding.episodeIdFor(state.patientId, FebrileNeutropenia.RULE.id(), onset.at().toString()),
                state.patientId, state.knownCase.caseId, AlertKind.FEBRILE_NEUTROPENIA, Severity.CRITICAL, Finding.State.ACTIVE,
                onset.at(), state.knownCase.dayPostTransplant(LocalDate.ofInstant(onset.at(), ZoneOffset.UTC)),
                FebrileNeutropenia.RULE, summary, evidence, null, now, DETECTOR);
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
