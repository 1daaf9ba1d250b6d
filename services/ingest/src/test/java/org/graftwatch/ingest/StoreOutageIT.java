package org.graftwatch.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.UUID;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.OwnStore;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Ward records offered while the store is down: each batch fails on the store, is aborted and read again from the last
 * committed offsets, until the store answers; then every record is published or dead-lettered, once. The channel
 * never fails (it would stay stopped until a restart), so liveness stays UP while readiness is DOWN. The service gets
 * a store of its own ({@link OwnStore}) that this test stops and starts again.
 */
@QuarkusTest
@TestProfile(OwnStore.class)
class StoreOutageIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void wardRecordsOfferedDuringAStoreOutageArePublishedOnceWhenItIsBack() throws InterruptedException {
        String patientId = "P-OUT-" + UUID.randomUUID().toString().substring(0, 8);
        String good = IngestIT.anc(patientId, "lab-1", "10*9/L");
        String bad = IngestIT.anc(patientId, "lab-2", "mg");
        given().get("/q/health/ready").then().statusCode(200);

        OwnStore.store().stop(Duration.ofSeconds(10));
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.WARD_LABS, patientId, good);
            probe.send(Topics.WARD_LABS, patientId, bad);
            awaitReadiness(503);
            // several attempts fail meanwhile (2 s each): nothing of the batch may be visible yet
            Thread.sleep(8_000);
            assertThat(probe.records(Topics.OBSERVATIONS, Duration.ofSeconds(1))).noneMatch(r -> patientId.equals(r.key()));
            given().get("/q/health/live").then().statusCode(200);

            OwnStore.store().restart(Duration.ofSeconds(60));

            probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), WAIT);
            probe.await(Topics.WARD_DLQ, r -> patientId.equals(r.key()), WAIT);
            awaitReadiness(200);
            assertThat(probe.records(Topics.OBSERVATIONS, Duration.ofSeconds(3)))
                    .as("the observation, published once").filteredOn(r -> patientId.equals(r.key())).hasSize(1);
            assertThat(probe.records(Topics.WARD_DLQ, Duration.ofSeconds(1)))
                    .as("the bad record, dead-lettered once").filteredOn(r -> patientId.equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(EventJson.read(r.value(), DeadLetter.class).payload()).isEqualTo(bad));
        }
    }

    private static void awaitReadiness(int status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (given().get("/q/health/ready").statusCode() != status) {
            assertThat(System.nanoTime() - deadline).as("readiness %d within %s", status, WAIT).isNegative();
            Thread.sleep(500);
        }
    }
}
