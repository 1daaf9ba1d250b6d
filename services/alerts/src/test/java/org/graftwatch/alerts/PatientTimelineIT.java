package org.graftwatch.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TestTokens;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** The patient timeline projected from the broker's topics into the store, served over HTTP. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class PatientTimelineIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    static final LocalDate DAY_0 = LocalDate.of(2025, 3, 3);

    static Instant day(int n, int hour) {
        return DAY_0.atStartOfDay().plusDays(n).plusHours(hour).toInstant(java.time.ZoneOffset.UTC);
    }

    static ObservationEvent result(String patientId, String observationId, Analyte analyte, Instant at, double value,
                                   ObservationEvent.SourceShare... shares) {
        return new ObservationEvent(ObservationEvent.eventIdFor("lab", observationId, Double.toString(value)), ObservationEvent.Type.RESULT,
                patientId, observationId, "lab", "final", analyte, analyte.code(), at, value, analyte.canonicalUnit(), null, null,
                List.of(shares), Instant.now());
    }

    static CaseEvent transplanted(String patientId, String ward, long version, CaseEvent.Treatment... more) {
        List<CaseEvent.Treatment> treatments = new java.util.ArrayList<>(List.of(new CaseEvent.Treatment("T-" + patientId,
                CaseEvent.TreatmentType.HSCT, DAY_0, "FLU/TREO", List.of(new CaseEvent.GraftSource("UCB-1", CaseEvent.GraftKind.UCB, "unrelated",
                "5/8", null, 3.1e7), new CaseEvent.GraftSource("UCB-2", CaseEvent.GraftKind.UCB, "unrelated", "4/8", null, 2.4e7)),
                null, null, null, null)));
        treatments.addAll(List.of(more));
        return new CaseEvent(UUID.randomUUID().toString(), CaseEvent.Type.HSCT_RECORDED, patientId, "CASE-" + patientId, version,
                day(-7, 9), new CaseEvent.CaseSnapshot(new CaseEvent.Patient(patientId, "female", LocalDate.of(1971, 4, 2), "AML", ward),
                treatments));
    }

    static Finding gvhdOnset(String patientId, int onDay) {
        Instant onset = day(onDay, 10);
        return new Finding(Finding.episodeIdFor(patientId, "gvhd-onset-magic", onset.toString()), patientId, "CASE-" + patientId,
                AlertKind.GVHD_ONSET, Severity.WARNING, Finding.State.ACTIVE, onset, onDay, new RuleRef("gvhd-onset-magic", "1"),
                "Acute GVHD onset on day +" + onDay + ": MAGIC grade II (skin stage 3); examine the patient and start or intensify GVHD treatment",
                List.of(), null, Instant.now(), "surveillance");
    }

    /** Publishes a small course: counts, vitals, lactate, chimerism of a double-cord graft, the HSCT, a GVHD onset. */
    static void publishCourse(TopicProbe probe, String patientId, String ward) {
        probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplanted(patientId, ward, 2)));
        double[] anc = {0.05, 0.1, 0.2, 0.6, 1.1, 1.6};
        for (int i = 0; i < anc.length; i++) {
            int d = 8 + 2 * i;
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "anc-" + d, Analyte.ANC, day(d, 6), anc[i])));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "plt-" + d, Analyte.PLATELETS, day(d, 6), 8 + 9 * i)));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "temp-" + d, Analyte.BODY_TEMPERATURE, day(d, 8),
                    i == 1 ? 38.9 : 37.0)));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "map-" + d, Analyte.MEAN_ARTERIAL_PRESSURE, day(d, 8),
                    i == 1 ? 62 : 80)));
        }
        probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "lac-10", Analyte.LACTATE, day(10, 9), 2.6)));
        probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "chim-cd3-21", Analyte.CHIMERISM_CD3, day(21, 7), 97,
                new ObservationEvent.SourceShare("UCB-1", 84), new ObservationEvent.SourceShare("UCB-2", 13))));
        probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "chim-cd33-21", Analyte.CHIMERISM_CD33, day(21, 7), 99,
                new ObservationEvent.SourceShare("UCB-1", 96), new ObservationEvent.SourceShare("UCB-2", 3))));
        probe.send(Topics.FINDINGS, patientId, EventJson.write(gvhdOnset(patientId, 24)));
    }

    /** Polls the timeline, as the clinician with {@code token}, until it satisfies {@code complete}. */
    static JsonPath awaitTimeline(String patientId, String token, Predicate<JsonPath> complete) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonPath timeline = null;
        while (Instant.now().isBefore(deadline)) {
            var response = given().auth().oauth2(token).get("/api/patients/" + patientId + "/timeline").then().extract();
            if (response.statusCode() == 200) {
                timeline = response.jsonPath();
                if (complete.test(timeline)) {
                    return timeline;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timeline of " + patientId + " incomplete after " + WAIT + ": "
                + (timeline == null ? "none" : timeline.prettify()));
    }

    @Test
    void observationsCaseEventsAndGvhdFindingsBecomeThePatientsTimeline() throws InterruptedException {
        String patientId = "P-TL-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            publishCourse(probe, patientId, "BMT-TL");
            // redelivered and corrected: the timeline keeps one point per result, the latest version
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "anc-8", Analyte.ANC, day(8, 6), 0.05)));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "plt-8", Analyte.PLATELETS, day(8, 6), 7)));
            // an observation the timeline does not plot
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "crp-9", Analyte.CRP, day(9, 6), 80)));
            // a later case version with a DLI
            probe.send(Topics.CASE_EVENTS, patientId, EventJson.write(transplanted(patientId, "BMT-TL", 3, new CaseEvent.Treatment("DLI-1",
                    CaseEvent.TreatmentType.DLI, DAY_0.plusDays(60), null, null, null, null, "UCB-1", 1.0e6))));
        }
        JsonPath timeline = awaitTimeline(patientId, TestTokens.clinician(), t -> t.getList("treatments").size() == 2 && t.getList("gvhd").size() == 1
                && t.getList("alerts").size() == 1 && t.getList("chimerism").size() == 4 && t.getList("series").size() == 5
                && t.getList("series.find { it.code == '751-8' }.points").size() == 6);

        assertThat(timeline.getString("caseId")).isEqualTo("CASE-" + patientId);
        assertThat(timeline.getList("treatments.type")).containsExactly("HSCT", "DLI");
        assertThat(timeline.getString("treatments[0].date")).isEqualTo("2025-03-03");
        assertThat(timeline.getList("series.code", String.class)).containsExactlyInAnyOrder("751-8", "777-3", "8310-5", "8478-0", "2524-7");
        assertThat(timeline.getList("series.find { it.code == '751-8' }.points.value", Float.class))
                .containsExactly(0.05f, 0.1f, 0.2f, 0.6f, 1.1f, 1.6f);
        assertThat(timeline.getString("series.find { it.code == '751-8' }.points[0].at")).isEqualTo("2025-03-11T06:00:00Z");
        assertThat(timeline.getString("series.find { it.code == '751-8' }.unit")).isEqualTo("10*9/L");
        assertThat(timeline.getList("series.find { it.code == '777-3' }.points.value", Float.class)).hasSize(6).startsWith(7f);
        assertThat(timeline.getList("chimerism", Map.class)).extracting(m -> m.get("code") + "/" + m.get("source"))
                .containsExactly("chimerism-cd3/UCB-1", "chimerism-cd3/UCB-2", "chimerism-cd33/UCB-1", "chimerism-cd33/UCB-2");
        assertThat(timeline.getFloat("chimerism[3].points[0].value")).isEqualTo(3f);
        assertThat(timeline.getInt("gvhd[0].grade")).isEqualTo(2);
        assertThat(timeline.getString("gvhd[0].at")).isEqualTo("2025-03-27T10:00:00Z");
        assertThat(timeline.getString("alerts[0].kind")).isEqualTo("GVHD_ONSET");
        assertThat(timeline.getString("alerts[0].onsetAt")).isEqualTo("2025-03-27T10:00:00Z");
    }

    @Test
    void aRetractedResultLeavesTheTimeline() throws InterruptedException {
        String patientId = "P-TL-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "lac-1", Analyte.LACTATE, day(3, 6), 5.1)));
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "lac-2", Analyte.LACTATE, day(3, 9), 2.0)));
            awaitTimeline(patientId, TestTokens.clinician(), t -> t.getList("series.find { it.code == '2524-7' }.points").size() == 2);
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(new ObservationEvent("retract-lac-1", ObservationEvent.Type.RETRACTION,
                    patientId, "lac-1", "lab", "entered-in-error", Analyte.LACTATE, Analyte.LACTATE.code(), day(3, 6), null, null, null, null,
                    List.of(), Instant.now())));
        }
        JsonPath timeline = awaitTimeline(patientId, TestTokens.clinician(), t -> t.getList("series.find { it.code == '2524-7' }.points").size() == 1);
        assertThat(timeline.getFloat("series[0].points[0].value")).isEqualTo(2.0f);
    }

    @Test
    void aRecordTheTimelineCannotUseIsDeadLetteredWithTheReason() {
        String patientId = "P-TL-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.OBSERVATIONS, patientId, EventJson.write(result(patientId, "anc-x", Analyte.ANC, null, 0.4)));
            var letter = probe.await("alerts.dlq.v1", r -> patientId.equals(r.key()), WAIT).get(0);
            ContractSchemas.assertConforms(Topics.WARD_DLQ, letter.value());
            DeadLetter dead = EventJson.read(letter.value(), DeadLetter.class);
            assertThat(dead.sourceTopic()).isEqualTo(Topics.OBSERVATIONS);
            assertThat(dead.rejectedBy()).isEqualTo("alerts-timeline");
            assertThat(dead.problems().get(0).message()).contains("effectiveAt");
        }
    }

    @Test
    void aPatientNothingIsKnownOfIsAnOperationOutcome() {
        given().auth().oauth2(TestTokens.clinician()).get("/api/patients/P-NOBODY/timeline").then().statusCode(404)
                .contentType(startsWith("application/fhir+json")).body("issue[0].code", equalTo("not-found"));
    }
}
