package org.graftwatch.graftmonitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
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
