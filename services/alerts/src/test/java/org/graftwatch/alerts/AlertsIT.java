package org.graftwatch.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.graftwatch.contract.AlertEvent;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.AlertStatus;
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

@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class AlertsIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instant ONSET = Instant.parse("2025-03-16T07:30:00Z");

    private static Finding engraftment(String patientId, Finding.State state) {
        return new Finding(Finding.episodeIdFor(patientId, "neutrophil-engraftment", "HSCT-2025-03-03"), patientId, "CASE-" + patientId,
                AlertKind.NEUTROPHIL_ENGRAFTMENT, Severity.INFO, state, ONSET, 13, new RuleRef("neutrophil-engraftment", "1"),
                "Neutrophil engraftment on day +13 (ANC 0.58, 0.86, 1.24 ×10⁹/L)",
                List.of(new Evidence("lab-13", "751-8", 0.58, "10*9/L", ONSET)), null, Instant.now(), "graft-monitor");
    }

    private static List<AlertEvent> alerts(TopicProbe probe, String patientId, int atLeast) {
        return probe.await(Topics.ALERTS, r -> patientId.equals(r.key()), atLeast, WAIT).stream()
                .peek(r -> ContractSchemas.assertConforms(Topics.ALERTS, r.value()))
                .map(r -> EventJson.read(r.value(), AlertEvent.class)).toList();
    }

    @Test
    void aFindingBecomesOneAlertWhateverTheRedeliveries() {
        String patientId = "P-AL-" + UUID.randomUUID().toString().substring(0, 8);
        Finding finding = engraftment(patientId, Finding.State.ACTIVE);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.FINDINGS, patientId, EventJson.write(finding));
            AlertEvent alert = alerts(probe, patientId, 1).get(0);
            assertThat(alert.alertId()).isEqualTo(finding.episodeId());
            assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(alert.dayPostTransplant()).isEqualTo(13);
            assertThat(alert.onsetAt()).isEqualTo(ONSET);

            // re-delivered and replayed: same episode, nothing new
            probe.send(Topics.FINDINGS, patientId, EventJson.write(finding));
            probe.send(Topics.FINDINGS, patientId, EventJson.write(engraftment(patientId, Finding.State.ACTIVE)));
            assertThat(probe.records(Topics.ALERTS, Duration.ofSeconds(4)).stream().filter(r -> patientId.equals(r.key()))).hasSize(1);

            given().when().get("/api/alerts?patientId=" + patientId).then().statusCode(200)
                    .body("", hasSize(1)).body("[0].alertId", equalTo(alert.alertId())).body("[0].evidence[0].observationId", equalTo("lab-13"));
            given().when().get("/api/alerts/" + alert.alertId()).then().statusCode(200).body("kind", equalTo("NEUTROPHIL_ENGRAFTMENT"));

            // its evidence is withdrawn: the same alert resolves
            probe.send(Topics.FINDINGS, patientId, EventJson.write(engraftment(patientId, Finding.State.WITHDRAWN)));
            List<AlertEvent> changes = alerts(probe, patientId, 2);
            assertThat(changes.get(1).alertId()).isEqualTo(alert.alertId());
            assertThat(changes.get(1).status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(changes.get(1).revision()).isEqualTo(2);
            given().when().get("/api/alerts?patientId=" + patientId + "&status=RESOLVED").then().body("", hasSize(1));
            given().when().get("/api/alerts?patientId=" + patientId + "&status=OPEN").then().body("", hasSize(0));
        }
    }

    @Test
    void badRequestsAreOperationOutcomes() {
        given().when().get("/api/alerts/no-such-alert").then().statusCode(404)
                .contentType(startsWith("application/fhir+json")).body("resourceType", equalTo("OperationOutcome"));
        given().when().get("/api/alerts?size=0").then().statusCode(400).body("issue[0].expression[0]", equalTo("size"));
        given().when().get("/api/alerts?status=MAYBE").then().statusCode(400).contentType(startsWith("application/fhir+json"))
                .body("issue[0].code", equalTo("invalid")).body("issue[0].expression[0]", equalTo("status"));
        given().when().get("/api/alerts?kind=SEPSIS&severity=LOUD").then().statusCode(400).body("issue[0].expression[0]", equalTo("severity"));
        given().when().get("/api/alerts?kind=NOT_A_KIND").then().statusCode(400).body("issue[0].expression[0]", equalTo("kind"));
        given().when().get("/api/alerts?status=OPEN&kind=SEPSIS&severity=CRITICAL&size=1").then().statusCode(200);
    }

    @Test
    void anUnreadableFindingIsDeadLettered() {
        String patientId = "P-AL-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.FINDINGS, patientId, "not json");
            var letters = probe.await("alerts.dlq.v1", r -> patientId.equals(r.key()), WAIT);
            ContractSchemas.assertConforms(Topics.WARD_DLQ, letters.get(0).value());
        }
    }

    @Test
    void anEpisodeFirstSeenEndedIsRaisedAlreadyResolvedWithItsAudit() {
        String patientId = "P-AL-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.FINDINGS, patientId, EventJson.write(engraftment(patientId, Finding.State.ENDED)));
            AlertEvent alert = alerts(probe, patientId, 1).get(0);
            assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(alert.revision()).isEqualTo(1);
            given().when().get("/api/alerts/" + alert.alertId() + "/audit").then().statusCode(200)
                    .body("[0].action", equalTo("RESOLVED")).body("[0].reason", equalTo("episode ended before it was seen"));
            // the other findings of the topic go on being processed after it
            probe.send(Topics.FINDINGS, patientId + "-next", EventJson.write(engraftment(patientId + "-next", Finding.State.ACTIVE)));
            assertThat(alerts(probe, patientId + "-next", 1).get(0).status()).isEqualTo(AlertStatus.OPEN);
        }
    }
}
