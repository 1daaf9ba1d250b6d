package org.graftwatch.caseregistry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

/** Systemic corticosteroids over the REST API: validated, stored with the case, published with their dose. */
@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class SteroidCourseIT {

    private static String transplanted() {
        String id = "P-IT-ST-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("{\"id\":\"" + id + "\",\"diagnosis\":\"AML\",\"ward\":\"HEM-3\"}")
                .when().post("/api/patients").then().statusCode(201);
        given().contentType("application/json").body("""
                        {"type":"HSCT","date":"2025-03-03","sources":[{"id":"PBSC-A","kind":"PBSC"}]}""")
                .when().post("/api/patients/" + id + "/treatments").then().statusCode(201);
        return id;
    }

    @Test
    void aSteroidCourseAndItsTaperArePublishedWithTheirDoses() {
        String id = transplanted();
        given().contentType("application/json").body("{\"type\":\"SYSTEMIC_STEROIDS\",\"date\":\"2025-05-20\",\"doseMgPerKgPerDay\":2.0}")
                .when().post("/api/patients/" + id + "/treatments").then().statusCode(201)
                .body("treatments[1].id", equalTo("SYSTEMIC_STEROIDS-2025-05-20"))
                .body("treatments[1].doseMgPerKgPerDay", equalTo(2.0f));
        given().contentType("application/json").body("{\"type\":\"SYSTEMIC_STEROIDS\",\"date\":\"2025-06-03\",\"doseMgPerKgPerDay\":1}")
                .when().post("/api/patients/" + id + "/treatments").then().statusCode(201);

        try (TopicProbe probe = TopicProbe.connect()) {
            var records = probe.await(Topics.CASE_EVENTS, r -> id.equals(r.key()), 4, Duration.ofSeconds(30));
            records.forEach(r -> ContractSchemas.assertConforms(Topics.CASE_EVENTS, r.value()));
            CaseEvent last = EventJson.read(records.get(3).value(), CaseEvent.class);
            assertThat(last.type()).isEqualTo(CaseEvent.Type.STEROIDS_RECORDED);
            assertThat(last.snapshot().treatments()).extracting(CaseEvent.Treatment::type, CaseEvent.Treatment::doseMgPerKgPerDay)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(CaseEvent.TreatmentType.HSCT, null),
                            org.assertj.core.groups.Tuple.tuple(CaseEvent.TreatmentType.SYSTEMIC_STEROIDS, 2.0),
                            org.assertj.core.groups.Tuple.tuple(CaseEvent.TreatmentType.SYSTEMIC_STEROIDS, 1.0));
        }
    }

    @Test
    void aMissingImplausibleOrUnreadableDoseIsAnOperationOutcome() {
        String id = transplanted();
        for (String body : List.of("{\"type\":\"SYSTEMIC_STEROIDS\",\"date\":\"2025-05-20\"}",
                "{\"type\":\"SYSTEMIC_STEROIDS\",\"date\":\"2025-05-20\",\"doseMgPerKgPerDay\":0}",
                "{\"type\":\"SYSTEMIC_STEROIDS\",\"date\":\"2025-05-20\",\"doseMgPerKgPerDay\":45}")) {
            given().contentType("application/json").body(body)
                    .when().post("/api/patients/" + id + "/treatments").then().statusCode(422)
                    .contentType(startsWith("application/fhir+json"))
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue.expression.flatten()", hasItem("Treatment.doseMgPerKgPerDay"));
        }
        given().contentType("application/json").body("{\"type\":\"SYSTEMIC_STEROIDS\",\"date\":\"2025-05-20\",\"doseMgPerKgPerDay\":\"high\"}")
                .when().post("/api/patients/" + id + "/treatments").then().statusCode(400)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("doseMgPerKgPerDay"));
        given().contentType("application/json").body("{\"type\":\"DLI\",\"date\":\"2025-05-02\",\"source\":\"PBSC-A\",\"cd3PerKg\":1e7,"
                        + "\"doseMgPerKgPerDay\":2}")
                .when().post("/api/patients/" + id + "/treatments").then().statusCode(422)
                .body("issue[0].diagnostics", containsString("SYSTEMIC_STEROIDS only"));
        given().when().get("/api/patients/" + id).then().body("treatments.type", equalTo(List.of("HSCT")));
    }
}
