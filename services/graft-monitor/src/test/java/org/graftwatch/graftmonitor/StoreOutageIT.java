package org.graftwatch.graftmonitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.graftwatch.testsupport.OwnStore;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the store: this test gives the service a MongoDB store of its own ({@link OwnStore}), stops it,
 * and watches readiness go DOWN while liveness stays UP — a store outage must take the pod out of service, not
 * restart it.
 */
@QuarkusTest
@TestProfile(OwnStore.class)
class StoreOutageIT {

    @Test
    void readinessGoesDownWhenTheStoreStopsWhileLivenessStaysUp() throws InterruptedException {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        OwnStore.store().stop(Duration.ofSeconds(10));

        JsonPath ready = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var response = given().get("/q/health/ready");
            if (response.statusCode() == 503) {
                ready = response.jsonPath();
                break;
            }
            Thread.sleep(500);
        }
        assertThat(ready).as("readiness DOWN within a minute of the store stopping").isNotNull();
        assertThat(ready.getString("status")).isEqualTo("DOWN");
        assertThat(ready.getString("checks.find { it.name == 'MongoDB connection health check' }.status")).isEqualTo("DOWN");
        assertThat(ready.getString("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status"))
                .as("the broker still answers").isEqualTo("UP");
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
