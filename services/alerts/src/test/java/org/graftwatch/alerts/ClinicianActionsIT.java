package org.graftwatch.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.graftwatch.alerts.domain.AlertLifecycle;
import org.graftwatch.alerts.persistence.AlertChangeLog;
import org.graftwatch.alerts.persistence.AlertRepository;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** Acknowledge, resolve, escalate, audit and the clinician filters, through the real broker and store. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class ClinicianActionsIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instant ONSET = Instant.parse("2025-03-12T03:10:00Z");

    @Inject
    ShiftableClock clock;

    @Inject
    AlertRepository repository;

    @Inject
    AlertChangeLog changeLog;

    private static String newPatient() {
        return "P-CA-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Finding finding(String patientId, AlertKind kind, Severity severity, Instant onset, String supersedes) {
        String rule = kind.name().toLowerCase().replace('_', '-');
        return new Finding(Finding.episodeIdFor(patientId, rule, "HSCT-2025-03-03"), patientId, "CASE-" + patientId, kind, severity,
                Finding.State.ACTIVE, onset, 9, new RuleRef(rule, "1"), kind + " on day +9",
                List.of(new Evidence("obs-" + rule, "2524-7", 4.8, "mmol/L", onset)), supersedes, onset, "surveillance");
    }

    private static List<AlertEvent> alerts(TopicProbe probe, String patientId, int atLeast) {
        return probe.await(Topics.ALERTS, r -> patientId.equals(r.key()), atLeast, WAIT).stream()
                .peek(r -> ContractSchemas.assertConforms(Topics.ALERTS, r.value()))
                .map(r -> EventJson.read(r.value(), AlertEvent.class)).toList();
    }

    private static List<AlertEvent> quietAlerts(TopicProbe probe, String patientId) {
        return probe.records(Topics.ALERTS, Duration.ofSeconds(4)).stream().filter(r -> patientId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), AlertEvent.class)).toList();
    }

    @Test
    void acknowledgeAndResolveArePublishedStoredAndAudited() {
        String patientId = newPatient();
        Finding sepsis = finding(patientId, AlertKind.SEPSIS, Severity.WARNING, ONSET, null);
        String alertId = sepsis.episodeId();
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.FINDINGS, patientId, EventJson.write(sepsis));
            assertThat(alerts(probe, patientId, 1).get(0).status()).isEqualTo(AlertStatus.OPEN);

            given().contentType(ContentType.JSON).body("{}").post("/api/alerts/" + alertId + "/acknowledge").then()
                    .statusCode(400).contentType(startsWith("application/fhir+json")).body("issue[0].expression[0]", equalTo("actor"));
            given().contentType(ContentType.JSON).header("X-Actor", "dr.meyer").body("{\"reason\":\"seen on the ward round\"}")
                    .post("/api/alerts/" + alertId + "/acknowledge").then()
                    .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("revision", equalTo(2));
            AlertEvent acknowledged = alerts(probe, patientId, 2).get(1);
            assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(acknowledged.revision()).isEqualTo(2);
            given().contentType(ContentType.JSON).header("X-Actor", "dr.meyer").body("{}")
                    .post("/api/alerts/" + alertId + "/acknowledge").then()
                    .statusCode(409).body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("conflict"));

            given().contentType(ContentType.JSON).body(Map.of("actor", "dr.okafor"))
                    .post("/api/alerts/" + alertId + "/resolve").then().statusCode(400).body("issue[0].expression[0]", equalTo("reason"));
            given().contentType(ContentType.JSON).body(Map.of("actor", "dr.okafor", "reason", "cultures negative, antibiotics stopped"))
                    .post("/api/alerts/" + alertId + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
            assertThat(alerts(probe, patientId, 3).get(2).status()).isEqualTo(AlertStatus.RESOLVED);
            given().contentType(ContentType.JSON).body(Map.of("actor", "dr.okafor", "reason", "again"))
                    .post("/api/alerts/" + alertId + "/resolve").then().statusCode(409);
            given().when().get("/api/alerts/" + alertId).then().statusCode(200).body("status", equalTo("RESOLVED"))
                    .body("revision", equalTo(3)).body("evidence[0].observationId", equalTo("obs-sepsis"));

            // the detector replays the episode: the clinician's resolution stands
            probe.send(Topics.FINDINGS, patientId, EventJson.write(sepsis));
            assertThat(quietAlerts(probe, patientId)).hasSize(3);
        }
        given().when().get("/api/alerts/" + alertId + "/audit").then().statusCode(200).body("", hasSize(2))
                .body("[0].action", equalTo("ACKNOWLEDGED")).body("[0].actor", equalTo("dr.meyer"))
                .body("[0].reason", equalTo("seen on the ward round")).body("[0].from", equalTo("OPEN"))
                .body("[1].action", equalTo("RESOLVED")).body("[1].actor", equalTo("dr.okafor"))
                .body("[1].reason", equalTo("cultures negative, antibiotics stopped")).body("[1].revision", equalTo(3));
        given().when().get("/api/patients/" + patientId + "/audit").then().statusCode(200).body("", hasSize(2))
                .body("alertId", equalTo(List.of(alertId, alertId)));
    }

    @Test
    void unknownAlertsAndBadRequestsAreOperationOutcomes() {
        given().contentType(ContentType.JSON).header("X-Actor", "dr.meyer").body("{}").post("/api/alerts/no-such-alert/acknowledge")
                .then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
        given().contentType(ContentType.JSON).body(Map.of("actor", "dr.meyer", "reason", "x")).post("/api/alerts/no-such-alert/resolve")
                .then().statusCode(404).contentType(startsWith("application/fhir+json"));
        given().when().get("/api/alerts/no-such-alert/audit").then().statusCode(404);
        given().when().get("/api/alerts?onsetFrom=yesterday").then().statusCode(400).body("issue[0].expression[0]", equalTo("onsetFrom"));
        given().when().get("/api/alerts?onsetFrom=2025-03-13T00:00:00Z&onsetTo=2025-03-12T00:00:00Z").then().statusCode(400);
        given().when().get("/api/patients/P-1/audit?size=0").then().statusCode(400).body("issue[0].expression[0]", equalTo("size"));
    }

    @Test
    void aCriticalAlertLeftUnacknowledgedEscalatesWithNoNewRecordUnlessSuperseded() {
        String alone = newPatient();
        String shocked = newPatient();
        Finding aloneSepsis = finding(alone, AlertKind.SEPSIS, Severity.CRITICAL, ONSET, null);
        Finding sepsis = finding(shocked, AlertKind.SEPSIS, Severity.CRITICAL, ONSET, null);
        Finding shock = finding(shocked, AlertKind.SEPTIC_SHOCK, Severity.CRITICAL, ONSET.plusSeconds(3600), sepsis.episodeId());
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.FINDINGS, alone, EventJson.write(aloneSepsis));
            probe.send(Topics.FINDINGS, shocked, EventJson.write(sepsis));
            probe.send(Topics.FINDINGS, shocked, EventJson.write(shock));
            alerts(probe, alone, 1);
            List<AlertEvent> raised = alerts(probe, shocked, 2);
            assertThat(raised.get(1).supersedes()).isEqualTo(sepsis.episodeId());

            assertThat(quietAlerts(probe, alone)).as("not before its time").hasSize(1);
            clock.advance(Duration.ofMinutes(16));

            AlertEvent escalated = alerts(probe, alone, 2).get(1);
            assertThat(escalated.status()).isEqualTo(AlertStatus.ESCALATED);
            assertThat(escalated.revision()).isEqualTo(2);
            List<AlertEvent> shockedChanges = alerts(probe, shocked, 3);
            assertThat(shockedChanges.get(2).alertId()).isEqualTo(shock.episodeId());
            assertThat(shockedChanges.get(2).status()).isEqualTo(AlertStatus.ESCALATED);
            assertThat(quietAlerts(probe, shocked)).as("the superseded sepsis alert is not escalated").hasSize(3);
            assertThat(quietAlerts(probe, alone)).as("escalated once").hasSize(2);

            given().contentType(ContentType.JSON).header("X-Actor", "dr.on-call").body("{}")
                    .post("/api/alerts/" + aloneSepsis.episodeId() + "/acknowledge").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        }
        given().when().get("/api/alerts/" + aloneSepsis.episodeId() + "/audit").then().body("", hasSize(2))
                .body("[0].action", equalTo("ESCALATED")).body("[0].actor", equalTo("escalation-clock"))
                .body("[1].action", equalTo("ACKNOWLEDGED")).body("[1].from", equalTo("ESCALATED"));
        given().when().get("/api/alerts?patientId=" + shocked + "&status=OPEN").then().body("", hasSize(1))
                .body("[0].kind", equalTo("SEPSIS"));
    }

    @Test
    void aChangeStoredButNotDeliveredBeforeACrashIsDeliveredByTheRelay() {
        String patientId = newPatient();
        Finding finding = finding(patientId, AlertKind.GVHD_ONSET, Severity.WARNING, ONSET, null);
        long before = changeLog.lastSequence();
        // what a process that died right after storing leaves behind: the alert with its change still in the outbox
        assertThat(repository.store(AlertLifecycle.apply(null, finding, clock.instant()).orElseThrow(), 0)).isTrue();
        try (TopicProbe probe = TopicProbe.connect()) {
            AlertEvent delivered = alerts(probe, patientId, 1).get(0);
            assertThat(delivered.alertId()).isEqualTo(finding.episodeId());
            assertThat(delivered.status()).isEqualTo(AlertStatus.OPEN);
            // the finding arrives again (offset not committed before the crash): nothing new
            probe.send(Topics.FINDINGS, patientId, EventJson.write(finding));
            assertThat(quietAlerts(probe, patientId)).hasSize(1);
        }
        assertThat(repository.withPendingChanges(List.of(finding.episodeId()))).isEmpty();
        assertThat(changeLog.after(before, 1000)).filteredOn(c -> c.alertId.equals(finding.episodeId())).hasSize(1);
    }

    @Test
    void alertsAreFilteredByWardOnsetKindAndSeverity() throws InterruptedException {
        String onWard = newPatient();
        String elsewhere = newPatient();
        String ward = "BMT-" + UUID.randomUUID().toString().substring(0, 4);
        CaseEvent.CaseSnapshot snapshot = new CaseEvent.CaseSnapshot(
                new CaseEvent.Patient(onWard, "female", LocalDate.of(1971, 4, 2), "AML", ward), List.of());
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.CASE_EVENTS, onWard, EventJson.write(new CaseEvent(UUID.randomUUID().toString(),
                    CaseEvent.Type.PATIENT_REGISTERED, onWard, "CASE-" + onWard, 1, ONSET, snapshot)));
            probe.send(Topics.FINDINGS, onWard, EventJson.write(finding(onWard, AlertKind.FEBRILE_NEUTROPENIA, Severity.WARNING, ONSET, null)));
            probe.send(Topics.FINDINGS, onWard, EventJson.write(finding(onWard, AlertKind.GVHD_ONSET, Severity.INFO, ONSET.plusSeconds(86_400), null)));
            probe.send(Topics.FINDINGS, elsewhere, EventJson.write(finding(elsewhere, AlertKind.FEBRILE_NEUTROPENIA, Severity.WARNING, ONSET, null)));
            alerts(probe, onWard, 2);
            alerts(probe, elsewhere, 1);
        }
        Instant deadline = Instant.now().plus(WAIT);
        while (given().get("/api/alerts?ward=" + ward).then().extract().jsonPath().getList("").size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        given().when().get("/api/alerts?ward=" + ward).then().statusCode(200).body("", hasSize(2))
                .body("patientId", equalTo(List.of(onWard, onWard))).body("[0].kind", equalTo("GVHD_ONSET"));
        given().when().get("/api/alerts?ward=" + ward + "&kind=FEBRILE_NEUTROPENIA&severity=WARNING").then().body("", hasSize(1));
        given().when().get("/api/alerts?ward=" + ward + "&onsetFrom=2025-03-12T00:00:00Z&onsetTo=2025-03-13T00:00:00Z").then()
                .body("", hasSize(1)).body("[0].kind", equalTo("FEBRILE_NEUTROPENIA"));
        given().when().get("/api/alerts?ward=" + ward + "&page=1&size=1").then().body("", hasSize(1))
                .body("[0].kind", equalTo("FEBRILE_NEUTROPENIA"));
        given().when().get("/api/alerts?ward=no-such-ward").then().statusCode(200).body("", hasSize(0));
    }
}
