package org.graftwatch.caseregistry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.graftwatch.contract.Topics;
import org.graftwatch.contract.Traceparent;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.PrometheusScrape;
import org.graftwatch.testsupport.TopicProbe;
import org.graftwatch.testsupport.TraceParents;
import org.junit.jupiter.api.Test;

/** The case registry as ops see it: probes over HTTP, a registration's trace on its case event, HTTP metrics. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class ObservabilityIT {

    @Test
    void readyWithTheStoreAndTheProducerAndARegistrationsTraceReachesItsCaseEvent() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("MongoDB connection health check", "SmallRye Reactive Messaging - readiness check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        String patientId = "P-CR-OBS-" + UUID.randomUUID().toString().substring(0, 8);
        String traceparent = Traceparent.random();
        given().contentType("application/json").header(Traceparent.HEADER, traceparent)
                .body("{\"id\":\"" + patientId + "\",\"sex\":\"female\",\"birthDate\":\"1975-02-11\",\"diagnosis\":\"MDS\",\"ward\":\"HEM-2\"}")
                .post("/api/patients").then().statusCode(201);
        try (TopicProbe probe = TopicProbe.connect()) {
            var event = probe.await(Topics.CASE_EVENTS, r -> patientId.equals(r.key()), Duration.ofSeconds(45)).get(0);
            assertThat(Traceparent.traceId(TraceParents.of(event))).isEqualTo(Traceparent.traceId(traceparent));
        }
        PrometheusScrape metrics = new PrometheusScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertThat(metrics.has("http_server_requests_seconds_count")).isTrue();
    }
}
