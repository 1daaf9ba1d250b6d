package org.graftwatch.surveillance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.contract.Traceparent;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.PrometheusScrape;
import org.graftwatch.testsupport.TopicProbe;
import org.graftwatch.testsupport.TraceParents;
import org.junit.jupiter.api.Test;

/**
 * Surveillance as ops see it, through the real broker: ready and live, a febrile neutropenia finding that continues
 * the trace of the fever reading that completed it (not the earlier count's), and each rule timed under its id.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class ObservabilityIT {

    private static String event(String patientId, String id, Analyte analyte, Instant at, double value) {
        return EventJson.write(new ObservationEvent(ObservationEvent.eventIdFor("ward", id, String.valueOf(value)),
                ObservationEvent.Type.RESULT, patientId, id, "ward", "final", analyte, analyte.code(), at, value,
                analyte.canonicalUnit(), null, null, null, Instant.now()));
    }

    @Test
    void theFeverThatCompletesFebrileNeutropeniaGivesTheFindingItsTrace() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        String patientId = "P-SV-OBS-" + UUID.randomUUID().toString().substring(0, 8);
        String countTrace = Traceparent.random();
        String feverTrace = Traceparent.random();
        Instant at = Instant.parse("2025-06-02T04:00:00Z");
        Map<String, String> febrileNeutropenia = Map.of("detector", "surveillance", "rule", "febrile-neutropenia");
        double evaluationsBefore = scrape().value("graftwatch_rule_evaluation_seconds_count", febrileNeutropenia);
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.OBSERVATIONS, patientId, event(patientId, "anc-1", Analyte.ANC, at, 0.1), TraceParents.header(countTrace));
            probe.send(Topics.OBSERVATIONS, patientId, event(patientId, "t-1", Analyte.BODY_TEMPERATURE, at.plusSeconds(3600), 39.1),
                    TraceParents.header(feverTrace));

            var finding = probe.await(Topics.FINDINGS, r -> patientId.equals(r.key()), Duration.ofSeconds(45)).get(0);
            assertThat(Traceparent.traceId(TraceParents.of(finding))).isEqualTo(Traceparent.traceId(feverTrace));
        }
        PrometheusScrape after = scrape();
        assertThat(after.value("graftwatch_rule_evaluation_seconds_count", febrileNeutropenia)).isGreaterThan(evaluationsBefore);
        assertThat(after.value("graftwatch_rule_evaluation_seconds_count", Map.of("detector", "surveillance", "rule", "sepsis")))
                .isGreaterThan(0);
        assertThat(after.value("graftwatch_records_processed_total", Map.of("service", "surveillance", "topic", Topics.OBSERVATIONS)))
                .isGreaterThanOrEqualTo(2);
    }

    private static PrometheusScrape scrape() {
        return new PrometheusScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
