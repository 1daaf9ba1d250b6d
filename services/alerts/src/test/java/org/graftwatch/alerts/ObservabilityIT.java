package org.graftwatch.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.graftwatch.contract.AlertKind;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Evidence;
import org.graftwatch.contract.Finding;
import org.graftwatch.contract.RuleRef;
import org.graftwatch.contract.Severity;
import org.graftwatch.contract.Topics;
import org.graftwatch.contract.Traceparent;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.PrometheusScrape;
import org.graftwatch.testsupport.TopicProbe;
import org.graftwatch.testsupport.TraceParents;
import org.junit.jupiter.api.Test;

/**
 * The alerts service as ops see it, through the real broker: probes over HTTP, an alert that continues the trace of
 * the finding that raised it (stored with the outbox entry it is delivered from), and the alert counters.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class ObservabilityIT {
    private static final Instant ONSET = Instant.parse("2025-04-11T22:10:00Z");

    private static Finding febrileNeutropenia(String patientId) {
        return new Finding(Finding.episodeIdFor(patientId, "febrile-neutropenia", ONSET.toString()), patientId, "CASE-" + patientId,
                AlertKind.FEBRILE_NEUTROPENIA, Severity.CRITICAL, Finding.State.ACTIVE, ONSET, 9, new RuleRef("febrile-neutropenia", "1"),
                "Febrile neutropenia: 38.6 °C with ANC 0.2 ×10⁹/L",
                List.of(new Evidence("temp-9", "8310-5", 38.6, "Cel", ONSET)), null, Instant.now(), "surveillance");
    }

    @Test
    void readyAndLiveWithTheBrokerAndTheStore() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("MongoDB connection health check", "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anAlertContinuesItsFindingsTraceAndIsCountedByKindAndSeverity() {
        String patientId = "P-AL-OBS-" + UUID.randomUUID().toString().substring(0, 8);
        String traceparent = Traceparent.random();
        Map<String, String> raised = Map.of("kind", "FEBRILE_NEUTROPENIA", "severity", "CRITICAL");
        Map<String, String> findings = Map.of("service", "alerts", "topic", Topics.FINDINGS);
        PrometheusScrape before = scrape();
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.FINDINGS, patientId, EventJson.write(febrileNeutropenia(patientId)), TraceParents.header(traceparent));

            var alert = probe.await(Topics.ALERTS, r -> patientId.equals(r.key()), Duration.ofSeconds(45)).get(0);
            assertThat(Traceparent.traceId(TraceParents.of(alert))).as("the finding's trace id").isEqualTo(Traceparent.traceId(traceparent));
        }
        PrometheusScrape after = scrape();
        assertThat(after.value("graftwatch_alerts_raised_total", raised) - before.value("graftwatch_alerts_raised_total", raised))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("graftwatch_alerts_changes_total", Map.of("status", "OPEN", "severity", "CRITICAL")))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("graftwatch_records_processed_total", findings) - before.value("graftwatch_records_processed_total", findings))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
    }

    private static PrometheusScrape scrape() {
        return new PrometheusScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
