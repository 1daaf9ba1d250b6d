package org.graftwatch.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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

@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class IngestIT {
    private static final Duration WAIT = Duration.ofSeconds(45);

    static String anc(String patientId, String id, String unit) {
        return """
                {"resourceType":"Observation","id":"%s","status":"final","subject":{"reference":"Patient/%s"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"751-8"}]},"effectiveDateTime":"2025-03-16T07:30:00+00:00",
                 "valueQuantity":{"value":0.58,"unit":"%s","system":"http://unitsofmeasure.org","code":"%s"}}"""
                .formatted(id, patientId, unit, unit);
    }

    private static String temperature(String patientId, String id) {
        return """
                {"resourceType":"Observation","id":"%s","status":"final","subject":{"reference":"Patient/%s"},
                 "code":{"coding":[{"system":"http://loinc.org","code":"8310-5"}]},"effectiveDateTime":"2025-02-03T18:00:00Z",
                 "valueQuantity":{"value":38.6,"unit":"Cel","system":"http://unitsofmeasure.org","code":"Cel"}}"""
                .formatted(id, patientId);
    }

    @Test
    void wardTopicsBecomeCanonicalObservationsAndBadRecordsDeadLetters() {
        String patientId = "P-IN-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = anc(patientId, "lab-2", "mg");
        try (TopicProbe probe = TopicProbe.connect()) {
            probe.send(Topics.WARD_LABS, patientId, anc(patientId, "lab-1", "10*9/L"));
            probe.send(Topics.WARD_LABS, patientId, bad);
            probe.send(Topics.WARD_VITALS, patientId, temperature(patientId, "vit-1"));

            var observations = probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), 2, WAIT);
            observations.forEach(r -> ContractSchemas.assertConforms(Topics.OBSERVATIONS, r.value()));
            assertThat(observations).extracting(r -> EventJson.read(r.value(), ObservationEvent.class).analyte())
                    .containsExactlyInAnyOrder(Analyte.ANC, Analyte.BODY_TEMPERATURE);

            var letters = probe.await(Topics.WARD_DLQ, r -> patientId.equals(r.key()), WAIT);
            ContractSchemas.assertConforms(Topics.WARD_DLQ, letters.get(0).value());
            DeadLetter letter = EventJson.read(letters.get(0).value(), DeadLetter.class);
            assertThat(letter.payload()).isEqualTo(bad);
            assertThat(letter.sourceTopic()).isEqualTo(Topics.WARD_LABS);
            assertThat(letter.offset()).isNotNull();
            assertThat(letter.problems()).extracting(DeadLetter.Problem::location).containsExactly("Observation.valueQuantity.code");
        }
    }

    @Test
    void httpAcceptsWhatIsValidAndExplainsWhatIsNot() {
        String patientId = "P-IN-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/fhir+json").body(anc(patientId, "lab-http-1", "10*9/L"))
                .when().post("/fhir/Observation").then().statusCode(202).body("accepted", equalTo(java.util.List.of("lab-http-1")));
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":%s},{\"resource\":%s}]}"
                .formatted(anc(patientId, "lab-http-2", "10*9/L"), temperature(patientId, "vit-http-1"));
        given().contentType("application/fhir+json").body(bundle)
                .when().post("/fhir").then().statusCode(202).body("accepted", hasItems("lab-http-2", "vit-http-1"));
        try (TopicProbe probe = TopicProbe.connect()) {
            assertThat(probe.await(Topics.OBSERVATIONS, r -> patientId.equals(r.key()), 3, WAIT)).hasSize(3);
        }

        given().contentType("application/fhir+json").body(anc(patientId, "lab-http-3", "mg"))
                .when().post("/fhir/Observation").then().statusCode(422)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Observation.valueQuantity.code"));
        given().contentType("application/fhir+json").body("{\"resourceType\":")
                .when().post("/fhir/Observation").then().statusCode(400).body("issue[0].code", equalTo("structure"));
    }
}
