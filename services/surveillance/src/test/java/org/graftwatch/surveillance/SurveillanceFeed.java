package org.graftwatch.surveillance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.TopicProbe;

/** One test patient's inputs to surveillance through the real broker, and the findings surveillance published for it. */
final class SurveillanceFeed {
    static final Duration WAIT = Duration.ofSeconds(45);

    final String patientId = "P-SV-" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicProbe probe;
    private final List<CaseEvent.Treatment> treatments = new ArrayList<>();

    SurveillanceFeed(TopicProbe probe) {
        this.probe = probe;
    }

    /** Records one more treatment: the case event carries the whole case, as the case registry publishes it. */
    SurveillanceFeed treated(CaseEvent.Treatment treatment, CaseEvent.Type type) {
        treatments.add(treatment);
        probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(new CaseEvent(UUID.randomUUID().toString(), type, patientId,
                "CASE-" + patientId, treatments.size() + 1L, Instant.now(),
                new CaseEvent.CaseSnapshot(new CaseEvent.Patient(patientId, null, null, "AML", "HEM-3"), treatments))));
        return this;
    }

    SurveillanceFeed reading(String id, Analyte analyte, String time, double value) {
        probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(new ObservationEvent(ObservationEvent.eventIdFor("ward", id,
                String.valueOf(value)), ObservationEvent.Type.RESULT, patientId, id, "ward", "final", analyte, analyte.code(),
                Instant.parse(time), value, analyte.canonicalUnit(), null, null, null, Instant.now())));
        return this;
    }

    /** A record on tx.findings.v1 as another detector (or anything else) wrote it. */
    SurveillanceFeed finding(String json) {
        probe.send(Topics.FINDINGS, patientId, json);
        return this;
    }

    /** Surveillance's findings for this patient that match, once at least {@code count} have been published. */
    List<Finding> await(Predicate<Finding> match, int count) {
        return probe.await(Topics.FINDINGS, r -> patientId.equals(r.key()) && r.value().contains("\"detector\":\"surveillance\"")
                        && match.test(EventJson.read(r.value(), Finding.class)), count, WAIT).stream()
                .peek(r -> ContractSchemas.assertConforms(Topics.FINDINGS, r.value()))
                .map(r -> EventJson.read(r.value(), Finding.class)).toList();
    }

    /** Every finding surveillance published for this patient, after the topic went quiet for {@code quiet}. */
    List<Finding> published(Duration quiet) {
        return probe.records(Topics.FINDINGS, quiet).stream().filter(r -> patientId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), Finding.class)).filter(f -> "surveillance".equals(f.detector())).toList();
    }
}
