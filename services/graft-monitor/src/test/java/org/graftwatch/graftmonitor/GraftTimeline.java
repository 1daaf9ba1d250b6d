package org.graftwatch.graftmonitor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.TopicProbe;

/**
 * One test patient's inputs as the graft monitor receives them (canonical observations and case events), sent through
 * the real broker, and the findings it published for that patient. Days count from {@code dayZero}.
 */
final class GraftTimeline {
    static final Duration WAIT = Duration.ofSeconds(45);
    static final String LABORATORY = Topics.WARD_LABS;
    static final String BEDSIDE = Topics.WARD_VITALS;

    final String patientId = "P-GM-" + UUID.randomUUID().toString().substring(0, 8);
    private final LocalDate dayZero;
    private final TopicProbe probe;
    private long caseVersion = 1;

    GraftTimeline(TopicProbe probe, LocalDate dayZero) {
        this.probe = probe;
        this.dayZero = dayZero;
    }

    /** Records an HSCT with the given graft sources (id, kind) on day 0, or a CAR-T on day 0. */
    GraftTimeline registered(CaseEvent.TreatmentType type, CaseEvent.GraftSource... sources) {
        var treatment = new CaseEvent.Treatment(type + "-" + dayZero, type, dayZero, null, List.of(sources),
                type == CaseEvent.TreatmentType.CAR_T ? "CD19" : null, null, null, null);
        probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(new CaseEvent(UUID.randomUUID().toString(),
                type == CaseEvent.TreatmentType.CAR_T ? CaseEvent.Type.CAR_T_RECORDED : CaseEvent.Type.HSCT_RECORDED, patientId,
                "CASE-" + patientId, ++caseVersion, Instant.now(),
                new CaseEvent.CaseSnapshot(new CaseEvent.Patient(patientId, null, null, "AML", "HEM-3"), List.of(treatment)))));
        return this;
    }

    static CaseEvent.GraftSource source(String id, CaseEvent.GraftKind kind) {
        return new CaseEvent.GraftSource(id, kind, "unrelated", null, null, null);
    }

    Instant at(int day, String time) {
        return Instant.parse(dayZero.plusDays(day) + "T" + time + ":00Z");
    }

    /** A result of {@code sender} at 07:30 (counts) or another time, received now. */
    ObservationEvent result(String sender, Analyte analyte, int day, String time, double value) {
        return result(sender, analyte, day, time, value, Instant.now());
    }

    ObservationEvent result(String sender, Analyte analyte, int day, String time, double value, Instant receivedAt) {
        String id = analyte.code() + "-" + day + "-" + time;
        return new ObservationEvent(ObservationEvent.eventIdFor(sender, id, String.valueOf(value)), ObservationEvent.Type.RESULT,
                patientId, id, sender, "final", analyte, analyte.code(), at(day, time), value, analyte.canonicalUnit(), null, null, null,
                receivedAt);
    }

    /** Whole-blood (or other lineage) chimerism with two sources, UCB-1 and PBSC-A. */
    ObservationEvent chimerism(Analyte lineage, int day, double ucb, double pbsc) {
        String id = lineage.code() + "-" + day;
        var components = List.of(new ObservationEvent.SourceShare("UCB-1", ucb), new ObservationEvent.SourceShare("PBSC-A", pbsc));
        return new ObservationEvent(ObservationEvent.eventIdFor(LABORATORY, id, ucb + "|" + pbsc), ObservationEvent.Type.RESULT, patientId,
                id, LABORATORY, "final", lineage, lineage.code(), at(day, "09:00"), ucb + pbsc, "%", null, null, components, Instant.now());
    }

    /** Daily laboratory results of one analyte at 07:30 from {@code firstDay}. */
    List<ObservationEvent> daily(Analyte analyte, int firstDay, double... values) {
        List<ObservationEvent> results = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            results.add(result(LABORATORY, analyte, firstDay + i, "07:30", values[i]));
        }
        return results;
    }

    GraftTimeline send(ObservationEvent... observations) {
        return send(List.of(observations));
    }

    GraftTimeline send(List<ObservationEvent> observations) {
        observations.forEach(o -> probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(o)));
        return this;
    }

    /** Waits for a finding of this patient that matches, and returns it (checked against the topic's schema). */
    Finding awaitFinding(java.util.function.Predicate<Finding> match) {
        var records = probe.await(Topics.FINDINGS, r -> patientId.equals(r.key()) && match.test(EventJson.read(r.value(), Finding.class)),
                WAIT);
        ContractSchemas.assertConforms(Topics.FINDINGS, records.get(0).value());
        return EventJson.read(records.get(0).value(), Finding.class);
    }

    /** Every finding published for this patient so far, in order (after the topic went quiet for {@code quiet}). */
    List<Finding> findings(Duration quiet) {
        return probe.records(Topics.FINDINGS, quiet).stream().filter(r -> patientId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), Finding.class)).toList();
    }

    /** The last published version of each of this patient's episodes. */
    Map<String, Finding> latestByEpisode(Duration quiet) {
        Map<String, Finding> latest = new LinkedHashMap<>();
        findings(quiet).forEach(f -> latest.put(f.episodeId(), f));
        return latest;
    }
}
