package org.graftwatch.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.graftwatch.ingest.hl7.OruMessages.obx;
import static org.graftwatch.ingest.hl7.OruMessages.oru;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.graftwatch.contract.Analyte;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.DeadLetter;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.ObservationEvent;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** HL7 v2 over Kafka and HTTP, duplicates and corrections through the store, and the outcome counters. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class IntakeIdentityAndHl7IT {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static byte[] bytes(String message) {
        return message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String patient() {
        return "P-H7-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String anc(String patientId, String id, String status, String value) {
        return """
                {"resourceType":"Observation","id":"%s","status":"%s","subject":{"reference":"Patient/%s"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},"effectiveDateTime":"2025-03-16T07:30:00Z",
                 "valueQuantity":{"value":%s,"unit":"/uL","system":"http://unitsofmeasure.org","code":"/uL"}}"""
                .formatted(id, status, patientId, value);
    }

    @Test
    void oruMessagesOnTheHl7TopicBecomeCanonicalObservationsAndBadOnesDeadLetters() {
        String patientId = patient();
        String bad = oru("M-2", patientId, "ORD-B", obx("8310-5", "LN", "60", "Cel", "F", "20250316073000+0000"));
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.WARD_HL7V2, patientId, oru("M-1", patientId, "ORD-A",
                    obx("751-8", "LN", "580", "/uL", "F", "20250316073000+0000"),
                    obx("LACT", "99HLAB", "25.4", "mg/dL", "F", "20250316073000+0000")));
            probe.send(Topics.WARD_HL7V2, patientId, bad);

            var observations = probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), 2, WAIT);
            observations.forEach(r -> ContractSchemas.assertConforms(Topics.OBSERVATIONS, r.value()));
            List<ObservationEvent> events = observations.stream().map(r -> EventJson.read(r.value(), ObservationEvent.class)).toList();
            assertThat(events).extracting(ObservationEvent::analyte).containsExactlyInAnyOrder(Analyte.ANC, Analyte.LACTATE);
            assertThat(events).filteredOn(e -> e.analyte() == Analyte.LACTATE).singleElement()
                    .satisfies(e -> assertThat(e.value()).isBetween(2.815, 2.825));

            var letters = probe.await(Topics.WARD_DLQ, r -> patientId.equals(r.key()), WAIT);
            ContractSchemas.assertConforms(Topics.WARD_DLQ, letters.get(0).value());
            DeadLetter letter = EventJson.read(letters.get(0).value(), DeadLetter.class);
            assertThat(letter.payload()).isEqualTo(bad);
            assertThat(letter.sourceTopic()).isEqualTo(Topics.WARD_HL7V2);
            assertThat(letter.problems()).extracting(DeadLetter.Problem::location).containsExactly("OBX[1]-5");
        }
    }

    @Test
    void httpAnswersOruWithAnHl7Acknowledgement() {
        String patientId = patient();
        given().contentType("application/hl7-v2").body(bytes(oru("M-10", patientId, "ORD-H", obx("751-8", "LN", "0.9", "10*9/L", "F", "20250316073000+0000"))))
                .when().post("/hl7v2").then().statusCode(200).body(containsString("MSA|AA|M-10"));
        given().contentType("application/hl7-v2").body(bytes(oru("M-11", patientId, "ORD-I", obx("751-8", "LN", "0.9", "mg", "F", "20250316073000+0000"))))
                .when().post("/hl7v2").then().statusCode(200).body(containsString("MSA|AE|M-11")).body(containsString("OBX[1]-6"));
        given().contentType("application/hl7-v2").body(bytes("MSH|garbage"))
                .when().post("/hl7v2").then().statusCode(200).body(containsString("MSA|AR"));
        try (TopicProbe probe = TopicProbe.connect()) {
            assertThat(probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), WAIT)).hasSize(1);
        }
    }

    @Test
    void aResentObservationIsADuplicateAndACorrectionANewVersion() {
        String patientId = patient();
        given().contentType("application/fhir+json").body(anc(patientId, "lab-d1", "final", "400"))
                .when().post("/fhir/Observation").then().statusCode(202).body("duplicates", equalTo(List.of()));
        given().contentType("application/fhir+json").body(anc(patientId, "lab-d1", "final", "400"))
                .when().post("/fhir/Observation").then().statusCode(202).body("duplicates", equalTo(List.of("lab-d1")));
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.WARD_LABS, patientId, anc(patientId, "lab-k1", "final", "300"));
            probe.send(Topics.WARD_LABS, patientId, anc(patientId, "lab-k1", "final", "300"));
            probe.send(Topics.WARD_LABS, patientId, anc(patientId, "lab-k1", "corrected", "350"));
            probe.send(Topics.WARD_LABS, patientId, anc(patientId, "lab-k1", "corrected", "350"));
            probe.send(Topics.WARD_LABS, patientId, """
                    {"resourceType":"Observation","id":"lab-k1","status":"entered-in-error","subject":{"reference":"Patient/%s"},
                     "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},"effectiveDateTime":"2025-03-16T07:30:00Z"}"""
                    .formatted(patientId));
            // One partition per patient keeps order: once the retraction is there, any re-sent version would be too.
            probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()) && r.value().contains("entered-in-error"), WAIT);
            var records = probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), WAIT);
            assertThat(records).hasSize(4);
            List<ObservationEvent> kafka = records.stream().map(r -> EventJson.read(r.value(), ObservationEvent.class))
                    .filter(e -> e.observationId().equals("lab-k1")).toList();
            assertThat(kafka).extracting(ObservationEvent::status).containsExactly("final", "corrected", "entered-in-error");
            assertThat(kafka).extracting(ObservationEvent::eventId).doesNotHaveDuplicates();
            assertThat(kafka.get(1).value()).isEqualTo(0.35);
            assertThat(kafka.get(2).type()).isEqualTo(ObservationEvent.Type.RETRACTION);
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("graftwatch_ingest_observations_total{outcome=\"duplicate\"}")
                .contains("graftwatch_ingest_observations_total{outcome=\"accepted\"}");
    }
}
