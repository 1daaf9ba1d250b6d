package org.graftwatch.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.graftwatch.contract.Topics;
import org.graftwatch.contract.Traceparent;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.PrometheusScrape;
import org.graftwatch.testsupport.TopicProbe;
import org.graftwatch.testsupport.TraceParents;
import org.junit.jupiter.api.Test;

/**
 * Ingest as ops see it, through the real broker: probes over HTTP, the trace of a ward record or request carried on
 * to the canonical observation or dead letter it became, and the record counters at /q/metrics.
 */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class ObservabilityIT {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static String platelets(String patientId, String id, String unit) {
        return """
                {"resourceType":"Observation","id":"%s","status":"final","subject":{"reference":"Patient/%s"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"777-3"}]},"effectiveDateTime":"2025-04-02T06:45:00Z",
                 "valueQuantity":{"value":42,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}"""
                .formatted(id, patientId, unit, unit);
    }

    @Test
    void readyAndLiveWithTheBrokerAndTheStore() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("MongoDB connection health check", "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aWardRecordsTraceGoesOnToItsObservationOrDeadLetterAndTheCountersMove() {
        String patientId = "P-IN-OBS-" + UUID.randomUUID().toString().substring(0, 8);
        String good = Traceparent.random();
        String bad = Traceparent.random();
        Map<String, String> labs = Map.of("service", "ingest", "topic", Topics.WARD_LABS);
        PrometheusScrape before = scrape();
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.WARD_LABS, patientId, platelets(patientId, "plt-1", "10*9/L"), TraceParents.header(good));
            probe.send(Topics.WARD_LABS, patientId, platelets(patientId, "plt-2", "mmol/L"), TraceParents.header(bad));

            var observation = probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), WAIT).get(0);
            assertThat(Traceparent.traceId(TraceParents.of(observation))).isEqualTo(Traceparent.traceId(good));
            var letter = probe.await(Topics.WARD_DLQ, r -> patientId.equals(r.key()), WAIT).get(0);
            assertThat(Traceparent.traceId(TraceParents.of(letter))).isEqualTo(Traceparent.traceId(bad));
        }
        PrometheusScrape after = scrape();
        assertThat(after.value("graftwatch_records_processed_total", labs) - before.value("graftwatch_records_processed_total", labs))
                .isGreaterThanOrEqualTo(1);
        // counted once, under one reason tag (an incompatible unit may also be an invalid value)
        assertThat(after.value("graftwatch_records_rejected_total", labs) - before.value("graftwatch_records_rejected_total", labs))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
    }

    @Test
    void anObservationPostedOverHttpContinuesTheCallersTrace() {
        String patientId = "P-IN-HTTP-" + UUID.randomUUID().toString().substring(0, 8);
        String traceparent = Traceparent.random();
        given().contentType("application/fhir+json").header(Traceparent.HEADER, traceparent)
                .body(platelets(patientId, "plt-http", "10*9/L"))
                .post("/fhir/Observation").then().statusCode(202);
        try (TopicProbe probe = TopicProbe.connect()) {
            var observation = probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), WAIT).get(0);
            assertThat(Traceparent.traceId(TraceParents.of(observation))).isEqualTo(Traceparent.traceId(traceparent));
        }
    }

    private static PrometheusScrape scrape() {
        return new PrometheusScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
