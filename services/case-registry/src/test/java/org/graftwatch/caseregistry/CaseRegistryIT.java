package org.graftwatch.caseregistry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.graftwatch.caseregistry.domain.CaseRuleViolation;
import org.graftwatch.caseregistry.messaging.OutboxRelay;
import org.graftwatch.caseregistry.persistence.CaseDocument;
import org.graftwatch.caseregistry.persistence.CaseRepository;
import org.graftwatch.contract.CaseEvent;
import org.graftwatch.contract.ContractSchemas;
import org.graftwatch.contract.EventJson;
import org.graftwatch.contract.Topics;
import org.graftwatch.testsupport.InfrastructureResource;
import org.graftwatch.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(InfrastructureResource.class)
class CaseRegistryIT {

    @Inject
    CaseRepository repository;

    @Inject
    OutboxRelay relay;

    private static String newPatient() {
        String id = "P-IT-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"sex\":\"male\",\"birthDate\":\"1989-05-14\",\"diagnosis\":\"AML\",\"ward\":\"HEM-3\"}")
                .when().post("/api/patients").then().statusCode(201).body("version", equalTo(1));
        return id;
    }

    private static void record(String patientId, String treatment, int status) {
        given().contentType("application/json").body(treatment)
                .when().post("/api/patients/" + patientId + "/treatments").then().statusCode(status);
    }

    @Test
    void motivatingCaseIsRecordedAndEveryChangePublishedInOrder() {
        String id = newPatient();
        record(id, "{\"type\":\"CAR_T\",\"date\":\"2025-01-06\",\"target\":\"CLL1\",\"product\":\"CAR-CLL1\"}", 201);
        record(id, """
                {"type":"HSCT","date":"2025-03-03","conditioning":"myeloablative","sources":[
                  {"id":"UCB-1","kind":"UCB","donorRelation":"unrelated","hlaMatch":"5/8","tncPerKg":3.1e7},
                  {"id":"PBSC-A","kind":"PBSC","donorRelation":"haploidentical","hlaMatch":"5/10","cd34PerKg":5.0e6}]}""", 201);
        record(id, "{\"type\":\"DLI\",\"date\":\"2025-05-02\",\"source\":\"PBSC-A\",\"cd3PerKg\":1.0e7}", 201);

        given().when().get("/api/patients/" + id).then().statusCode(200)
                .body("version", equalTo(4))
                .body("treatments.type", equalTo(List.of("CAR_T", "HSCT", "DLI")))
                .body("treatments[1].sources.id", equalTo(List.of("UCB-1", "PBSC-A")));

        try (TopicProbe probe = TopicProbe.connect()) {
            List<ConsumerRecord<String, String>> records = probe.await(Topics.CASE_EVENTS, r -> id.equals(r.key()), 4, Duration.ofSeconds(30));
            records.forEach(r -> ContractSchemas.assertConforms(Topics.CASE_EVENTS, r.value()));
            List<CaseEvent> events = records.stream().map(r -> EventJson.read(r.value(), CaseEvent.class)).toList();
            assertThat(events).extracting(CaseEvent::version).containsExactly(1L, 2L, 3L, 4L);
            assertThat(events).extracting(CaseEvent::type).containsExactly(CaseEvent.Type.PATIENT_REGISTERED,
                    CaseEvent.Type.CAR_T_RECORDED, CaseEvent.Type.HSCT_RECORDED, CaseEvent.Type.DLI_RECORDED);
            assertThat(events.get(3).snapshot().treatments()).hasSize(3);
        }
        assertThat(repository.findById(id).outbox).as("published events leave the outbox").isEmpty();
    }

    @Test
    void errorsAreOperationOutcomesWithTheirLocation() {
        String id = newPatient();
        given().contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"ward\":\"HEM-3\"}")
                .when().post("/api/patients").then().statusCode(409)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("conflict"));
        given().contentType("application/json").body("{\"type\":\"CAR_T\",\"date\":\"2025-01-06\",\"target\":\"CLL1\"}")
                .when().post("/api/patients/P-NOBODY/treatments").then().statusCode(404)
                .body("issue[0].code", equalTo("not-found"));
        given().contentType("application/json").body("{\"type\":\"DLI\",\"date\":\"2025-05-02\",\"source\":\"PBSC-Z\",\"cd3PerKg\":1.0e7}")
                .when().post("/api/patients/" + id + "/treatments").then().statusCode(422)
                .body("issue.expression.flatten()", hasItem("Treatment.source"));
        given().contentType("application/json").body("{\"type\":\"HSCT\",")
                .when().post("/api/patients/" + id + "/treatments").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
        record(id, "{\"type\":\"CAR_T\",\"date\":\"2025-01-06\",\"target\":\"CLL1\"}", 201);
        record(id, "{\"type\":\"CAR_T\",\"date\":\"2025-01-06\",\"target\":\"CLL1\"}", 409);
    }

    @Test
    void aStaleVersionNeverOverwritesAConcurrentEdit() {
        String id = newPatient();
        var read = CaseRepository.toCase(repository.findById(id));
        record(id, "{\"type\":\"CAR_T\",\"date\":\"2025-01-06\",\"target\":\"CLL1\"}", 201);
        var stale = read.record(new CaseEvent.Treatment(null, CaseEvent.TreatmentType.CAR_T, java.time.LocalDate.parse("2025-02-01"),
                null, null, "CD19", null, null, null), java.time.LocalDate.parse("2025-12-01"));
        assertThatThrownBy(() -> repository.replaceIfUnchanged(stale, read.version(), List.of()))
                .isInstanceOfSatisfying(CaseRuleViolation.class, v -> assertThat(v.reason()).isEqualTo(CaseRuleViolation.Reason.CONFLICT));
        given().when().get("/api/patients/" + id).then().body("treatments.target", equalTo(List.of("CLL1")));
    }

    @Test
    void anEventStoredButNotYetPublishedIsRelayed() {
        // As if the process had stopped between writing the change and Kafka acknowledging its event.
        var registered = org.graftwatch.caseregistry.domain.TransplantCase.register(new CaseEvent.Patient(
                "P-IT-RELAY-" + UUID.randomUUID().toString().substring(0, 6), "female", null, "AML", "HEM-2"), java.time.LocalDate.now());
        String patientId = registered.patient().id();
        CaseEvent event = new CaseEvent(UUID.randomUUID().toString(), CaseEvent.Type.PATIENT_REGISTERED, patientId, registered.caseId(), 1,
                java.time.Instant.now(), new CaseEvent.CaseSnapshot(registered.patient(), List.of()));
        repository.insertNew(registered, new CaseDocument.PendingEvent(event.eventId(), 1, EventJson.write(event)));

        relay.relay();

        try (TopicProbe probe = TopicProbe.connect()) {
            var records = probe.await(Topics.CASE_EVENTS, r -> patientId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(EventJson.read(records.get(0).value(), CaseEvent.class).eventId()).isEqualTo(event.eventId());
        }
        assertThat(repository.findById(patientId).outbox).isEmpty();
    }
}
