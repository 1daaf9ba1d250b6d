package org.graftwatch.graftmonitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.graftwatch.testsupport.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** The probes Kubernetes calls, over HTTP, with the real broker and store behind them. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class HealthIT {

    @Test
    void readyWhenTheBrokerAndTheStoreAnswerAndLiveWhileNoChannelFailed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("MongoDB connection health check", "SmallRye Reactive Messaging - readiness check"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.graft-inputs", equalTo("[OK]"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - liveness check"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }
}
