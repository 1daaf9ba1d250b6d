package org.graftwatch.surveillance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.Severity;
import org.graftwatch.detector.DetectorBatch;
import org.graftwatch.surveillance.config.SurveillanceCriteriaConfig;
import org.graftwatch.surveillance.domain.FebrileNeutropenia;
import org.graftwatch.surveillance.domain.Reading;
import org.graftwatch.surveillance.persistence.PatientSurveillanceState;
import org.graftwatch.surveillance.persistence.PatientSurveillanceStateRepository;

/** Assesses a batch of inputs with the surveillance rules; see {@link DetectorBatch} for the order of effects. */
@ApplicationScoped
public class SurveillanceMonitor {
    static final String DETECTOR = "surveillance";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    PatientSurveillanceStateRepository repository;

    @Inject
    SurveillanceCriteriaConfig criteria;

    Clock clock = Clock.systemUTC();

    public DetectorBatch<PatientSurveillanceState> process(List<ConsumerRecord<String, String>> records) {
        FebrileNeutropenia febrileNeutropenia = new FebrileNeutropenia(criteria.febrileNeutropenia().criteria());
        return DetectorBatch.assess(records, DETECTOR, Instant.now(clock), repository::load, PatientSurveillanceState::new,
                (state, now) -> febrileNeutropenia.evaluate(PatientSurveillanceState.readings(state.temperature),
                        PatientSurveillanceState.readings(state.anc)).stream().map(e -> toFinding(state, e, now)).toList());
    }

    public void store(Collection<PatientSurveillanceState> states) {
        repository.saveAll(states);
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
