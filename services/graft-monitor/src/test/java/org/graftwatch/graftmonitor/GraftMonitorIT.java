package org.graftwatch.graftmonitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** Through the real broker and store: a combined UCB + PBSC transplant and its daily counts, some late. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class GraftMonitorIT {
    private static final LocalDate DAY_ZERO = LocalDate.parse("2025-03-03");
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static CaseEvent transplant(String patientId) {
        var hsct = new CaseEvent.Treatment("HSCT-2025-03-03", CaseEvent.TreatmentType.HSCT, DAY_ZERO, "myeloablative",
                List.of(new CaseEvent.GraftSource("UCB-1", CaseEvent.GraftKind.UCB, "unrelated", "5/8", null, null),
                        new CaseEvent.GraftSource("PBSC-A", CaseEvent.GraftKind.PBSC, "haploidentical", "5/10", null, null)),
                null, null, null, null);
        return new CaseEvent(UUID.randomUUID().toString(), CaseEvent.Type.HSCT_RECORDED, patientId, "CASE-" + patientId, 2,
                Instant.now(), new CaseEvent.CaseSnapshot(new CaseEvent.Patient(patientId, "male", null, "AML", "HEM-3"), List.of(hsct)));
    }

    private static ObservationEvent anc(String patientId, int day, double value) {
        Instant at = Instant.parse(DAY_ZERO.plusDays(day) + "T07:30:00Z");
        String id = "anc-" + day;
        return new ObservationEvent(ObservationEvent.eventIdFor("lab", id, String.valueOf(value)), ObservationEvent.Type.RESULT,
                patientId, id, "lab", "final", Analyte.ANC, Analyte.ANC.code(), at, value, "10*9/L", null, null, null, Instant.now());
    }

    private static List<Finding> findings(TopicProbe probe, String patientId, int atLeast) {
        return probe.await(Topics.FINDINGS, r -> patientId.equals(r.key()), atLeast, WAIT).stream()
                .peek(r -> ContractSchemas.assertConforms(Topics.FINDINGS, r.value()))
                .map(r -> EventJson.read(r.value(), Finding.class)).toList();
    }

    @Test
    void engraftmentFromLateAndOutOfOrderCountsIsFoundOnceAndWithdrawnByARetraction() {
        String patientId = "P-GM-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObservationEvent> counts = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            counts.add(anc(patientId, day, day < 12 ? 0.01 : 0.44));
        }
        ObservationEvent day13 = anc(patientId, 13, 0.58);
        ObservationEvent day14 = anc(patientId, 14, 0.86);
        ObservationEvent day15 = anc(patientId, 15, 1.24);
        try (TopicProbe probe = TopicProbe.connect()) {
            // counts arrive before the transplant is registered, and day +14 arrives last
            counts.forEach(c -> probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(c)));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(day13));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(day15));
            probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplant(patientId)));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(day14));

            Finding engraftment = findings(probe, patientId, 1).get(0);
            assertThat(engraftment.kind()).isEqualTo(AlertKind.NEUTROPHIL_ENGRAFTMENT);
            assertThat(engraftment.dayPostTransplant()).isEqualTo(13);
            assertThat(engraftment.onsetAt()).isEqualTo(Instant.parse("2025-03-16T07:30:00Z"));
            assertThat(engraftment.caseId()).isEqualTo("CASE-" + patientId);
            assertThat(engraftment.evidence()).extracting(e -> e.value()).containsExactly(0.58, 0.86, 1.24);

            // the same records again: nothing new
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(day14));
            probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplant(patientId)));
            assertThat(probe.records(Topics.FINDINGS, Duration.ofSeconds(4)).stream().filter(r -> patientId.equals(r.key()))).hasSize(1);

            given().when().get("/api/patients/" + patientId + "/engraftment").then().statusCode(200)
                    .body("transplantDays", equalTo(List.of("2025-03-03")))
                    .body("findings", hasSize(1))
                    .body("anc", hasSize(15));

            // the day +14 count is entered in error: no three consecutive days any more
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(new ObservationEvent(UUID.randomUUID().toString(),
                    ObservationEvent.Type.RETRACTION, patientId, "anc-14", "lab", "entered-in-error", Analyte.ANC, Analyte.ANC.code(),
                    day14.effectiveAt(), null, null, null, null, null, Instant.now())));
            List<Finding> all = findings(probe, patientId, 2);
            assertThat(all.get(1).state()).isEqualTo(Finding.State.WITHDRAWN);
            assertThat(all.get(1).episodeId()).isEqualTo(engraftment.episodeId());
        }
    }

    private static ObservationEvent result(String patientId, Analyte analyte, String id, int day, String time, double value,
                                           List<ObservationEvent.SourceShare> components) {
        Instant at = Instant.parse(DAY_ZERO.plusDays(day) + "T" + time + ":00Z");
        return new ObservationEvent(ObservationEvent.eventIdFor("lab", id, value + "|" + components), ObservationEvent.Type.RESULT,
                patientId, id, "lab", "final", analyte, analyte.code(), at, value, analyte.canonicalUnit(), null, null, components,
                Instant.now());
    }

    private static ObservationEvent chimerism(String patientId, Analyte lineage, int day, double ucb, double pbsc) {
        return result(patientId, lineage, lineage.code() + "-" + day, day, "09:00", ucb + pbsc,
                List.of(new ObservationEvent.SourceShare("UCB-1", ucb), new ObservationEvent.SourceShare("PBSC-A", pbsc)));
    }

    /** The findings of a patient as they stand: the last published version of each episode. */
    private static Map<String, Finding> latestByEpisode(TopicProbe probe, String patientId) {
        Map<String, Finding> latest = new LinkedHashMap<>();
        probe.records(Topics.FINDINGS, Duration.ofSeconds(4)).stream().filter(r -> patientId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), Finding.class)).forEach(f -> latest.put(f.episodeId(), f));
        return latest;
    }

    @Test
    void aCombinedCordAndPbscGraftOverSixWeeksOfCountsAndChimerismSomeLateAndOutOfOrder() {
        String patientId = "P-GM-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObservationEvent> timeline = new ArrayList<>();
        for (int day = 1; day <= 42; day++) {
            double anc = day < 12 ? 0.01 : day == 12 ? 0.44 : day == 13 ? 0.58 : day == 14 ? 0.86 : 1.5;
            double platelets = day < 22 ? 15 : 20 + day;
            timeline.add(anc(patientId, day, anc));
            timeline.add(result(patientId, Analyte.PLATELETS, "plt-" + day, day, "07:30", platelets, List.of()));
            timeline.add(result(patientId, Analyte.HAEMOGLOBIN, "hb-" + day, day, "07:30", 95, List.of()));
            // the bedside documentation, which also records the transfusions, reports every day as well
            timeline.add(result(patientId, Analyte.BODY_TEMPERATURE, "t-" + day, day, "08:00", 36.8, List.of()));
        }
        for (int day : new int[] {3, 6, 9, 12}) {
            timeline.add(result(patientId, Analyte.PLATELET_TRANSFUSION, "ptx-" + day, day, "10:00", 1, List.of()));
        }
        // whole blood: full donor from day +21, when PBSC-A becomes dominant (88 of 96 %); CD3+: 86 % on day +21, 80 % on day +28 (a fall of 6
        // points: warning), 75 % on day +35 (11 points: critical, superseding the warning)
        timeline.add(chimerism(patientId, Analyte.CHIMERISM_WB, 14, 10, 80));
        timeline.add(chimerism(patientId, Analyte.CHIMERISM_WB, 21, 8, 88));
        timeline.add(chimerism(patientId, Analyte.CHIMERISM_WB, 28, 7, 91));
        timeline.add(chimerism(patientId, Analyte.CHIMERISM_CD3, 14, 10, 70));
        timeline.add(chimerism(patientId, Analyte.CHIMERISM_CD3, 21, 12, 74));
        ObservationEvent cd3Day28 = chimerism(patientId, Analyte.CHIMERISM_CD3, 28, 10, 70);
        ObservationEvent cd3Day35 = chimerism(patientId, Analyte.CHIMERISM_CD3, 35, 9, 66);
        ObservationEvent ancDay14 = timeline.stream().filter(o -> o.observationId().equals("anc-14")).findFirst().orElseThrow();
        ObservationEvent plateletsDay23 = timeline.stream().filter(o -> o.observationId().equals("plt-23")).findFirst().orElseThrow();
        timeline.removeAll(List.of(ancDay14, plateletsDay23));
        // late results: day +14 ANC and day +23 platelets after everything else; CD3 of day +35 before that of day +28
        List<ObservationEvent> delivery = new ArrayList<>(timeline);
        delivery.addAll(List.of(cd3Day35, cd3Day28, ancDay14, plateletsDay23));

        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplant(patientId)));
            delivery.forEach(o -> probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(o)));
            probe.await(Topics.FINDINGS, r -> patientId.equals(r.key()) && r.value().contains("PLATELET_ENGRAFTMENT")
                    && r.value().contains("\"dayPostTransplant\":22"), 1, WAIT);
            Map<String, Finding> findings = latestByEpisode(probe, patientId);
            List<Finding> active = findings.values().stream().filter(f -> f.state() == Finding.State.ACTIVE).toList();

            assertThat(active).extracting(Finding::kind, Finding::severity, Finding::dayPostTransplant).containsExactlyInAnyOrder(
                    tuple(AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, 13),
                    tuple(AlertKind.PLATELET_ENGRAFTMENT, Severity.INFO, 22),
                    tuple(AlertKind.CHIMERISM_DECLINE, Severity.WARNING, 28),
                    tuple(AlertKind.CHIMERISM_DECLINE, Severity.CRITICAL, 35));
            Finding warning = active.stream().filter(f -> f.severity() == Severity.WARNING).findFirst().orElseThrow();
            Finding critical = active.stream().filter(f -> f.severity() == Severity.CRITICAL).findFirst().orElseThrow();
            assertThat(critical.supersedes()).isEqualTo(warning.episodeId());
            assertThat(critical.summary()).contains("CD3+ T cells fell to 75 %").contains("from 86 %");
            Finding platelets = active.stream().filter(f -> f.kind() == AlertKind.PLATELET_ENGRAFTMENT).findFirst().orElseThrow();
            assertThat(platelets.evidence()).extracting(e -> e.value()).containsExactly(42.0, 43.0, 44.0);

            given().when().get("/api/patients/" + patientId + "/engraftment").then().statusCode(200)
                    .body("transplants[0].neutrophilEngraftmentDay", equalTo(13))
                    .body("transplants[0].plateletEngraftmentDay", equalTo(22))
                    .body("transplants[0].engraftmentDeadlineDay", equalTo(28))
                    .body("transplants[0].graftFailure", nullValue())
                    .body("dominance.find { it.lineage == 'WHOLE_BLOOD' }.source", equalTo("PBSC-A"))
                    .body("dominance.find { it.lineage == 'WHOLE_BLOOD' }.since", equalTo("2025-03-24T09:00:00Z"))
                    .body("anc", hasSize(42))
                    .body("platelets", hasSize(42))
                    .body("chimerism.CD3", hasSize(4))
                    .body("chimerism.CD3[3].bySource.'PBSC-A'", equalTo(66.0f))
                    .body("chimerism.WHOLE_BLOOD[2].status", equalTo("FULL_DONOR"));

            // the same input again, in the same order: the same state and no new finding
            int published = probe.records(Topics.FINDINGS, Duration.ofSeconds(1)).stream().filter(r -> patientId.equals(r.key()))
                    .toList().size();
            probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplant(patientId)));
            delivery.forEach(o -> probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(o)));
            assertThat(probe.records(Topics.FINDINGS, Duration.ofSeconds(6)).stream().filter(r -> patientId.equals(r.key())))
                    .hasSize(published);
            assertThat(latestByEpisode(probe, patientId)).isEqualTo(findings);
        }
    }

    @Test
    void noEngraftmentByDay28WithPbscInTheGraftIsPrimaryGraftFailureOnDay29() {
        String patientId = "P-GM-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplant(patientId)));
            // clinical time, not the wall clock, passes the deadline: with the count of day +29 (2025-04-01)
            for (int day = 1; day <= 29; day++) {
                probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(anc(patientId, day, 0.05)));
            }
            Finding failure = findings(probe, patientId, 1).get(0);
            assertThat(failure.kind()).isEqualTo(AlertKind.GRAFT_FAILURE);
            assertThat(failure.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(failure.dayPostTransplant()).isEqualTo(29);
            assertThat(failure.rule().id()).isEqualTo("primary-graft-failure");
            given().when().get("/api/patients/" + patientId + "/engraftment").then().statusCode(200)
                    .body("transplants[0].graftFailure.rule", equalTo("primary-graft-failure"));
        }
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String patientId = "P-GM-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.OBSERVATIONS, patientId, "{\"eventId\":");
            var letters = probe.await("graft-monitor.dlq.v1", r -> patientId.equals(r.key()), WAIT);
            ContractSchemas.assertConforms(Topics.WARD_DLQ, letters.get(0).value());
            assertThat(letters.get(0).value()).contains("ObservationEvent");
            probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplant(patientId)));
            for (int day = 1; day <= 4; day++) {
                probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(anc(patientId, day, day == 1 ? 0.1 : 0.9)));
            }
            assertThat(findings(probe, patientId, 1).get(0).dayPostTransplant()).isEqualTo(2);
        }
    }

    @Test
    void anUnknownPatientIsA404() {
        given().when().get("/api/patients/P-NOBODY/engraftment").then().statusCode(404);
    }
}
